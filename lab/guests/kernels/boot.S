/* Multiboot v1 entry shared by every test kernel: the header the loader looks for in the
   first 8 KiB, a stack, and a jump to kmain(magic, info). kmain's return value is the exit code. */
    .set MB_MAGIC, 0x1BADB002
    .set MB_FLAGS, 0x00000003          /* page-align modules, want memory information */

    .section .multiboot, "a"
    .align 4
    .long MB_MAGIC
    .long MB_FLAGS
    .long -(MB_MAGIC + MB_FLAGS)

    .section .bss
    .align 16
boot_stack:
    .skip 16384
boot_stack_top:

    .section .text
    .globl _start
_start:
    mov $boot_stack_top, %esp
    push %ebx                           /* multiboot info */
    push %eax                           /* 0x2BADB002 */
    call kmain
    push %eax
    call exit_machine
1:  cli
    hlt
    jmp 1b

    .section .note.GNU-stack, "", @progbits
