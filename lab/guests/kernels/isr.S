/* One stub per vector: push a zero error code where the CPU pushes none, push the vector, and go to
   the common path, which saves the registers as struct frame (cpu.h) and calls interrupt_dispatch. */
    .text
.macro stub vector, has_error
isr_stub_\vector:
    .if \has_error == 0
    push $0
    .endif
    push $\vector
    jmp isr_common
.endm

/* Vectors 8, 10-14 and 17 come with an error code from the CPU. */
.irp v, 0,1,2,3,4,5,6,7,9,15,16,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
    stub \v, 0
.endr
.irp v, 8,10,11,12,13,14,17
    stub \v, 1
.endr
    .globl isr_stub_0x80
isr_stub_0x80:
    push $0
    push $0x80
    jmp isr_common

isr_common:
    pusha
    push %ds
    push %es
    push %fs
    push %gs
    mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    push %esp
    call interrupt_dispatch
    add $4, %esp
    pop %gs
    pop %fs
    pop %es
    pop %ds
    popa
    add $8, %esp
    iret

    .section .rodata
    .globl isr_stubs
isr_stubs:
.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
    .long isr_stub_\v
.endr

    .section .note.GNU-stack, "", @progbits
