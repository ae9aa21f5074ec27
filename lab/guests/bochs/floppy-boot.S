/* A floppy boot sector that starts a multiboot test kernel under Bochs, which cannot load multiboot
   ELF files itself. The BIOS loads this sector at 0x7C00 in real mode; it reads the kernel's flat
   image (objcopy -O binary of the kernel, linked at 1 MiB) from the following sectors to 0x10000,
   enables A20, enters 32-bit protected mode with flat segments, copies the image to 1 MiB, clears
   its bss, and jumps to its entry with the multiboot registers: EAX = 0x2BADB002 and EBX = an info
   block with the memory sizes. From there the kernel runs as under qemu-system-i386 -kernel.
   Built with -DKERNEL_SECTORS, -DKERNEL_BYTES, -DKERNEL_MEMORY and -DKERNEL_ENTRY (see the Makefile). */
    .set LOAD_SEGMENT, 0x1000         /* the image goes to 0x10000 first: real mode cannot reach 1 MiB */
    .set KERNEL_BASE, 0x100000
    .set INFO, 0x9000                 /* the multiboot info block */
    .set SECTORS_PER_TRACK, 18        /* a 1.44 MB floppy: 18 sectors, 2 heads, 80 cylinders */

    .code16
    .text
    .globl _start
_start:
    cli
    xor %ax, %ax
    mov %ax, %ds
    mov %ax, %ss
    mov $0x7000, %sp
    mov %dl, drive
    sti

    /* One sector per int 13h call, from LBA 1: never crosses a track or a 64 KiB boundary. */
    mov $LOAD_SEGMENT, %ax
    mov %ax, %es
    movw $1, lba
read:
    cmpw $(KERNEL_SECTORS + 1), lba
    jae loaded
    mov lba, %ax
    xor %dx, %dx
    mov $SECTORS_PER_TRACK, %bx
    div %bx                           /* ax = cylinder * 2 + head, dx = sector - 1 */
    mov %dl, %cl
    inc %cl
    mov %al, %dh
    and $1, %dh
    shr $1, %ax
    mov %al, %ch
    mov drive, %dl
    xor %bx, %bx
    mov $0x0201, %ax                  /* read one sector to es:0 */
    int $0x13
    jc read                           /* floppies fail now and then: try again */
    mov %es, %ax
    add $(512 / 16), %ax
    mov %ax, %es
    incw lba
    jmp read
loaded:
    in $0x92, %al                     /* fast A20 */
    or $2, %al
    and $0xFE, %al
    out %al, $0x92

    cli
    lgdt gdt_descriptor
    mov %cr0, %eax
    or $1, %eax
    mov %eax, %cr0
    ljmp $0x08, $protected

    .code32
protected:
    mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov %ax, %fs
    mov %ax, %gs
    mov $0x7000, %esp
    cld
    mov $(LOAD_SEGMENT * 16), %esi
    mov $KERNEL_BASE, %edi
    mov $KERNEL_BYTES, %ecx
    rep movsb
    mov $(KERNEL_MEMORY - KERNEL_BYTES), %ecx
    xor %eax, %eax
    rep stosb                         /* the bss, which the image does not hold */
    movl $1, INFO                     /* flags: mem_lower and mem_upper are valid */
    movl $639, INFO + 4
    movl $129920, INFO + 8            /* what SeaBIOS reports above 1 MiB for -m 128 */
    mov $0x2BADB002, %eax
    mov $INFO, %ebx
    mov $KERNEL_ENTRY, %ecx
    jmp *%ecx

    .align 8
gdt:
    .quad 0
    .quad 0x00CF9A000000FFFF          /* 0x08: code, base 0, 4 GiB, 32-bit */
    .quad 0x00CF92000000FFFF          /* 0x10: data, base 0, 4 GiB */
gdt_descriptor:
    .word gdt_descriptor - gdt - 1
    .long gdt
drive: .byte 0
lba: .word 0

    .org 510
    .word 0xAA55
