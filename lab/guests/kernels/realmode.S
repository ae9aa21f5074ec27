/* realmode_run(): from 32-bit protected mode down to real mode and back, as an OS does it, running
   16-bit tests on the way. The 16-bit code (rm_start..rm_end) is copied to RM_BASE (below 1 MiB)
   and runs there: first in a 16-bit protected-mode code segment whose base is RM_BASE, then, with
   CR0.PE clear, in real mode at RM_SEG:IP. Each REC stores a 32-bit register into the next result
   slot (through SS, whose base is 0 in both 16-bit worlds) and names it in rm_names, for realmode.c
   to print once back in protected mode. Interrupts stay off throughout. */
    .set RM_BASE, 0x1000
    .set RM_SEG, RM_BASE >> 4
    .set STACK_TOP, 0x7C00
    .set DATA_SEG, 0x2000               /* scratch memory for the addressing and string tests, 0x20000 */
    .set DEST_SEG, 0x3000

    .set CODE32, 0x08
    .set DATA32, 0x10
    .set CODE16, 0x18                   /* base RM_BASE, limit 0xFFFF, 16-bit */
    .set DATA16, 0x20                   /* base 0, limit 0xFFFF, 16-bit (B clear: SP) */
    .set CODE32_BASED, 0x28             /* 32-bit, base RM_BASE */

    .set slot, 0
    .macro REC reg, name
    movl \reg, %ss:(RM_BASE + results - rm_start + 4 * slot)
    .pushsection .rodata.rmnames, "a"
    .asciz "\name"
    .popsection
    .set slot, slot + 1
    .endm

    /* The low word of FLAGS into a 32-bit register, for REC. */
    .macro FLAGS reg32, reg16
    pushf
    pop \reg16
    movzwl \reg16, \reg32
    .endm

    .macro CLEAR
    xorl %eax, %eax
    xorl %ebx, %ebx
    xorl %ecx, %ecx
    xorl %edx, %edx
    xorl %esi, %esi
    xorl %edi, %edi
    xorl %ebp, %ebp
    .endm

    .pushsection .rodata.rmnames, "a"
    .globl rm_names
rm_names:
    .popsection

    .section .data
    .align 8
gdt:
    .quad 0
    .quad 0x00CF9A000000FFFF            /* CODE32: flat ring-0 code */
    .quad 0x00CF92000000FFFF            /* DATA32: flat ring-0 data */
    .quad 0x00009A001000FFFF            /* CODE16: base 0x1000 = RM_BASE */
    .quad 0x000092000000FFFF            /* DATA16 */
    .quad 0x00CF9A001000FFFF            /* CODE32_BASED: 32-bit code, base 0x1000 = RM_BASE */
gdt_end:
gdt_pointer:
    .word gdt_end - gdt - 1
    .long gdt
saved_idt:
    .word 0
    .long 0
saved_esp:
    .long 0
    .globl rm_magic
rm_magic:
    .long 0x600DF00D                    /* read from real mode through FS's cached flat descriptor */

    .globl rm_results_offset, rm_result_count
rm_results_offset:
    .long results - rm_start

    .section .text
    .code32
    .globl realmode_run
realmode_run:
    pushal
    mov %esp, saved_esp
    sidt saved_idt
    lgdt gdt_pointer
    ljmp $CODE32, $1f
1:  mov $DATA32, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    cld
    mov $rm_start, %esi
    mov $RM_BASE, %edi
    mov $(rm_end - rm_start), %ecx
    rep movsb
    ljmp $CODE32_BASED, $(pm32_based - rm_start)

    /* Back from real mode: CS is CODE32 again, the rest is restored here. */
pm32_back:
    mov $DATA32, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %fs
    mov %ax, %gs
    mov %ax, %ss
    mov saved_esp, %esp
    lidt saved_idt
    popal
    ret

    /* ---------------- the 16-bit code, copied to RM_BASE ---------------- */
rm_start:
    /* 32-bit protected mode in a code segment based at RM_BASE: EIP is the offset from rm_start. */
pm32_based:
    call 1f
1:  pop %eax
    REC %eax, "pm32 based cs: eip of a label"
    mov %cs, %ebx
    movzwl %bx, %ebx
    REC %ebx, "pm32 based cs"
    ljmp $CODE16, $(pm16_entry - rm_start)

    .code16
pm16_entry:
    /* 16-bit protected mode, CS base RM_BASE: 16-bit data segments (limit 0xFFFF, SP-based stack). */
    mov $DATA16, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %gs
    mov %ax, %ss
    mov $DATA32, %ax
    mov %ax, %fs                        /* keeps a flat 4 GiB descriptor cached into real mode */
    mov $STACK_TOP, %sp
    CLEAR
    call pm16_sub
    REC %eax, "pm16 near call return ip"
    mov %cs, %bx
    REC %ebx, "pm16 cs"
    mov %sp, %cx
    REC %ecx, "pm16 sp after ret"
    pushw $0
    pushw $0x1234
    popl %edx                           /* 4 bytes: both words */
    REC %edx, "pm16 pushw then popl"

    /* Down to real mode: clear PE, then a far jump loads CS the real-mode way. */
    mov %cr0, %eax
    and $0xFFFFFFFE, %eax
    mov %eax, %cr0
    ljmp $RM_SEG, $(rm_entry - rm_start)

pm16_sub:
    mov %sp, %bp
    movzwl (%bp), %eax
    ret

rm_entry:
    xor %ax, %ax
    mov %ax, %ss
    mov $STACK_TOP, %sp
    mov $RM_SEG, %ax
    mov %ax, %ds
    mov %ax, %es
    lidt (ivt_pointer - rm_start)
    CLEAR
    mov %cr0, %eax
    REC %eax, "real mode cr0"
    xor %eax, %eax
    mov %cs, %ax
    REC %eax, "real mode cs"

    /* ---- ALU at 16-bit operand size, with the flags ---- */
    CLEAR
    mov $0x7FFF, %ax
    add $1, %ax
    FLAGS %ebx, %bx
    REC %eax, "add 7fff+1"
    REC %ebx, "add 7fff+1 flags"
    CLEAR
    sub $1, %ax
    FLAGS %ebx, %bx
    REC %eax, "sub 0-1"
    REC %ebx, "sub 0-1 flags"
    CLEAR
    stc
    mov $0xFFFF, %ax
    adc $0, %ax
    FLAGS %ebx, %bx
    REC %eax, "adc ffff+0+cf"
    REC %ebx, "adc flags"
    CLEAR
    mov $0x8001, %ax
    shl $1, %ax
    FLAGS %ebx, %bx
    REC %eax, "shl 8001"
    REC %ebx, "shl flags"
    CLEAR
    stc
    mov $0xFFFF, %cx
    inc %cx
    FLAGS %ebx, %bx
    REC %ecx, "inc ffff"
    REC %ebx, "inc flags (cf kept)"
    CLEAR
    mov $0x8000, %ax
    neg %ax
    FLAGS %ebx, %bx
    REC %eax, "neg 8000"
    REC %ebx, "neg flags"
    CLEAR
    mov $0x1234, %ax
    mov $0x0100, %bx
    mul %bx
    FLAGS %ecx, %cx
    and $0x0801, %ecx
    REC %eax, "mul16 ax"
    REC %edx, "mul16 dx"
    REC %ecx, "mul16 cf of"
    CLEAR
    mov $0x8000, %ax
    cwd
    REC %edx, "cwd 8000"
    CLEAR
    mov $1, %dx
    mov $0, %ax
    mov $2, %bx
    div %bx
    REC %eax, "div 10000/2 ax"
    REC %edx, "div 10000/2 dx"
    CLEAR
    mov $0xFFFF0000, %eax
    mov $0x1234, %ax
    xchg %ah, %al
    ror $4, %ax
    REC %eax, "xchg ror high half kept"

    /* ---- 16-bit addressing modes, and their wrap at 64 KiB ---- */
    mov $DATA_SEG, %ax
    mov %ax, %ds
    CLEAR
    movw $0x1111, 0x0010
    movw $0x5555, 0x0020
    movw $0x4444, 0x7000                /* DS:0x7000 (0x27000) */
    movw $0x3333, %ss:0x7000            /* SS:0x7000 (0x07000) */
    mov $0xFFF0, %bx
    mov $0x0020, %si
    mov (%bx,%si), %ax
    REC %eax, "[bx+si] wraps"
    mov $0xFFFF, %bx
    mov $0xFFFF, %di
    mov 0x12(%bx,%di), %cx
    REC %ecx, "[bx+di+0x12] wraps"
    mov $0xFFF0, %si
    mov 0x20(%si), %dx
    REC %edx, "[si+0x20] wraps"
    lea 0x20(%si), %ax
    REC %eax, "lea [si+0x20]"
    mov $0x7000, %bp
    mov (%bp), %ax
    REC %eax, "[bp] uses ss"
    mov %ds:(%bp), %ax
    REC %eax, "ds:[bp]"
    mov $0x6FF0, %bp
    mov $0x0008, %si
    mov 0x8(%bp,%si), %ax
    REC %eax, "[bp+si+8] uses ss"
    mov 0x0020, %ax
    REC %eax, "[disp16]"
    CLEAR
    mov $0x10, %ebx
    mov $4, %ecx
    mov (%ebx), %ax                     /* 0x67: 32-bit addressing in real mode */
    REC %eax, "addr32 [ebx]"
    mov 0x8(%ebx,%ecx,2), %dx
    REC %edx, "addr32 [ebx+ecx*2+8]"
    mov $rm_magic, %ebx
    mov %fs:(%ebx), %eax                /* FS keeps the flat base and limit cached in protected mode */
    REC %eax, "fs cached flat descriptor"

    /* ---- segment arithmetic: ES=0x1000:0x0234 is DS=0x1023:0x0004 ---- */
    CLEAR
    mov $0x1000, %ax
    mov %ax, %es
    movw $0xBEEF, %es:0x0234
    movl $0xCAFEF00D, %es:0x0238
    mov $0x1023, %ax
    mov %ax, %ds
    mov 0x0004, %bx
    REC %ebx, "es write read via ds alias"
    mov $0x0FFF, %ax
    mov %ax, %ds
    mov 0x0248, %ecx
    REC %ecx, "dword via 0fff:0248"
    mov %ds, %dx
    REC %edx, "ds selector"
    mov $RM_SEG, %ax
    mov %ax, %ds
    CLEAR
    les (far_pointer - rm_start), %bx
    mov %es, %ax
    REC %ebx, "les offset"
    REC %eax, "les segment"
    mov %ss, %dx
    mov %sp, %cx
    lss (stack_pointer - rm_start), %sp  /* the same stack under another segment: 0x0700:0x0C00 */
    mov %ss, %ax
    mov %sp, %bx
    pushw $0x5AA5
    popw %si
    mov %dx, %ss                        /* back to SS = 0 before recording: REC writes through SS */
    mov %cx, %sp
    REC %eax, "lss segment"
    REC %ebx, "lss offset"
    REC %esi, "push and pop through the new ss"

    /* ---- the stack: push/pop sizes, near and far calls and returns ---- */
    mov $RM_SEG, %ax
    mov %ax, %ds
    mov %ax, %es
    CLEAR
    mov %sp, %ax
    pushw $0x1234
    pushl $0x89ABCDEF
    mov %sp, %bx
    popl %ecx
    popw %dx
    mov %sp, %si
    sub %bx, %ax
    REC %eax, "bytes pushed by pushw+pushl"
    REC %ecx, "popl"
    REC %edx, "popw"
    sub %si, %bx
    neg %bx
    REC %ebx, "bytes popped"
    CLEAR
    call near_sub
near_return:
    REC %eax, "near call pushed ip"
    mov $near_return - rm_start, %bx
    REC %ebx, "near_return offset"
    CLEAR
    mov %sp, %si
    pushw $0x77
    call ret2_sub
    mov %sp, %di
    sub %di, %si
    REC %esi, "ret 2 releases the argument"
    CLEAR
    mov $(near_sub - rm_start), %bx
    call *%bx
    REC %eax, "call reg16"
    CLEAR
    call *(near_pointer - rm_start)
    REC %eax, "call [mem16]"
    CLEAR
    lcall $RM_SEG, $(far_sub - rm_start)
far_return:
    REC %eax, "far call pushed ip"
    REC %edx, "far call pushed cs"
    CLEAR
    lcall *(far_pointer - rm_start)
    REC %eax, "far call m16:16 ip"
    CLEAR
    lcalll $RM_SEG, $(far_sub32 - rm_start)
    REC %eax, "far call32 pushed eip"
    REC %edx, "far call32 pushed cs"
    REC %ecx, "far call32 sp in callee"
    CLEAR
    mov $0x1111, %ax
    mov $0x2222, %cx
    mov $0x3333, %dx
    mov $0x4444, %bx
    mov $0x5555, %bp
    mov $0x6666, %si
    mov $0x7777, %di
    pushaw
    mov %sp, %bp
    movzwl 6(%bp), %eax                 /* the SP pusha saved: 16 above the current one */
    sub %sp, %ax
    REC %eax, "pusha saved sp minus sp"
    movzwl 14(%bp), %eax
    REC %eax, "pusha ax slot"
    CLEAR
    popaw
    REC %eax, "popa ax"
    REC %edi, "popa di"
    CLEAR
    pushf
    popw %ax
    or $0x0001, %ax
    push %ax
    popf
    FLAGS %ebx, %bx
    REC %ebx, "popf sets cf"
    /* A far jump to another segment naming the same bytes: the same linear code under another CS. */
    CLEAR
    ljmp $(RM_SEG + 1), $(alias_target - rm_start - 0x10)
alias_target:
    mov %cs, %ax
    call near_sub_alias
near_sub_alias_return:
    REC %eax, "aliased cs"
    REC %ebx, "near call ip under aliased cs"
    ljmp $RM_SEG, $(alias_back - rm_start)
alias_back:
    mov %cs, %cx
    REC %ecx, "cs back"

    /* ---- self-modifying code: a write to decoded code (here its immediate) drops the block ---- */
    CLEAR
    call smc_target
    mov %ax, %bx
    movw $0x2222, (smc_target - rm_start + 1)
    call smc_target
    mov %ax, %cx
    xor %dx, %dx
    mov %dx, %es                        /* the same byte through ES = 0: another segment, the same linear page */
    movw $0x3333, %es:(RM_BASE + smc_target - rm_start + 1)
    call smc_target
    mov $RM_SEG, %dx
    mov %dx, %es
    REC %ebx, "smc first run"
    REC %ecx, "smc after a write through ds"
    REC %eax, "smc after a write through es=0"

    /* ---- INT n through a vector the test installs, and IRET ---- */
    CLEAR
    movw $(int42_handler - rm_start), %ss:(0x42 * 4)
    movw $RM_SEG, %ss:(0x42 * 4 + 2)
    mov %sp, %bp
    clc
    int $0x42
int42_return:
    FLAGS %edi, %di
    REC %eax, "int pushed ip"
    REC %ebx, "int pushed cs"
    REC %ecx, "int pushed flags"
    REC %edx, "flags in handler"
    REC %edi, "flags after iret (cf set by handler)"
    REC %esi, "handler ran"
    mov %sp, %bx
    sub %bx, %bp
    REC %ebp, "sp before int minus sp after iret"
    CLEAR
    mov $(int42_return - rm_start), %ax
    REC %eax, "int42_return offset"

    /* The vector table lives wherever IDTR.base says: move it to 0x0600, with vector 0x42 only. */
    CLEAR
    movw $(int42_handler - rm_start), %ss:(0x600 + 0x42 * 4)
    movw $RM_SEG, %ss:(0x600 + 0x42 * 4 + 2)
    movw $0x0000, %ss:(0x42 * 4)        /* the old entry now points nowhere useful */
    lidt (moved_ivt_pointer - rm_start)
    int $0x42
    lidt (ivt_pointer - rm_start)
    REC %esi, "int through a moved vector table"

    /* ---- a hardware interrupt in real mode: the PIT's IRQ 0 through vector 8, waking HLT ---- */
    CLEAR
    movw $(timer_handler - rm_start), %ss:(8 * 4)
    movw $RM_SEG, %ss:(8 * 4 + 2)
    in $0x21, %al
    mov %al, %cl
    in $0xA1, %al
    mov %al, %ch
    mov $0xFE, %al                      /* only IRQ 0 */
    out %al, $0x21
    mov $0xFF, %al
    out %al, $0xA1
    movl $0, %cs:(timer_ticks - rm_start)
    sti
    hlt
    cli
    mov %cl, %al
    out %al, $0x21
    mov %ch, %al
    out %al, $0xA1
    mov %cs:(timer_ticks - rm_start), %eax
    REC %eax, "timer interrupts taken by hlt"

    /* ---- string instructions with SI, DI and CX ---- */
    mov $DATA_SEG, %ax
    mov %ax, %ds
    mov $DEST_SEG, %ax
    mov %ax, %es
    cld
    CLEAR
    movl $0x44434241, 0x100             /* "ABCDEFGH" at DS:0x100 */
    movl $0x48474645, 0x104
    movl $0, %es:0x200
    movl $0, %es:0x204
    mov $0x12340100, %esi               /* the upper halves of ESI, EDI and ECX stay */
    mov $0x56780200, %edi
    mov $0xABCD0005, %ecx
    rep movsb
    REC %esi, "rep movsb esi"
    REC %edi, "rep movsb edi"
    REC %ecx, "rep movsb ecx"
    mov %es:0x200, %eax
    REC %eax, "rep movsb copied"
    mov %es:0x204, %eax
    REC %eax, "rep movsb stopped"
    CLEAR
    mov $0x5A5B, %ax
    mov $0x300, %di
    mov $3, %cx
    rep stosw
    REC %edi, "rep stosw di"
    mov %es:0x300, %eax
    REC %eax, "rep stosw stored"
    CLEAR
    mov $'E', %al
    mov $0x200, %di
    mov $10, %cx
    repne scasb
    FLAGS %ebx, %bx
    REC %edi, "repne scasb di"
    REC %ecx, "repne scasb cx"
    REC %ebx, "repne scasb flags"
    CLEAR
    mov $0x100, %si
    mov $0x200, %di
    mov $8, %cx
    repe cmpsb
    FLAGS %ebx, %bx
    REC %esi, "repe cmpsb si"
    REC %edi, "repe cmpsb di"
    REC %ecx, "repe cmpsb cx"
    REC %ebx, "repe cmpsb flags"
    CLEAR
    std
    mov $0x104, %si
    lodsw
    cld
    REC %eax, "std lodsw ax"
    REC %esi, "std lodsw si"
    CLEAR
    mov $0x0007FFFF, %esi
    movb $0x99, 0xFFFF
    lodsb
    REC %esi, "lodsb at si=ffff wraps si"
    REC %eax, "lodsb at ffff"
    CLEAR
    mov $0x100, %si
    mov $0x400, %di
    mov $2, %cx
    rep movsl
    REC %edi, "rep movsl di"
    mov %es:0x404, %eax
    REC %eax, "rep movsl second dword"
    CLEAR
    mov $0x100, %esi
    mov $0x500, %edi
    mov $3, %ecx
    addr32 rep movsb                    /* 0x67: ESI, EDI and ECX */
    REC %esi, "addr32 rep movsb esi"
    REC %ecx, "addr32 rep movsb ecx"

    /* ---- port strings with SI, DI and CX: a line printed from real mode straight to COM1 ---- */
    mov $RM_SEG, %ax
    mov %ax, %ds
    mov %ax, %es
    CLEAR
    mov $(com1_line - rm_start), %si
    mov $(com1_line_end - com1_line), %cx
    mov $0x3F8, %dx
    rep outsb
    REC %esi, "rep outsb si"
    REC %ecx, "rep outsb cx"
    CLEAR
    in $0xA1, %al
    mov %al, %bl
    mov $0xFF, %al
    out %al, $0xA1
    mov $0xA1, %dx
    mov $(port_byte - rm_start), %di
    insb
    mov %bl, %al
    out %al, $0xA1
    movzbl (port_byte - rm_start), %eax
    REC %eax, "insb from the slave pic's mask"
    REC %edi, "insb di"

    /* ---- LOOP and JCXZ count in CX ---- */
    CLEAR
    mov $0x00010003, %ecx
1:  inc %edx
    loop 1b
    REC %ecx, "loop ecx"
    REC %edx, "loop iterations"
    CLEAR
    mov $0x00010000, %ecx
    mov $1, %ax
    jcxz 2f
    mov $2, %ax
2:  REC %eax, "jcxz with cx=0, ecx!=0"
    CLEAR
    mov $2, %ecx
3:  inc %edx
    addr32 loop 3b
    REC %edx, "addr32 loop iterations"
    CLEAR
    mov $0x00010000, %ecx
    mov $1, %ax
    jecxz 4f
    mov $2, %ax
4:  REC %eax, "jecxz with ecx!=0"

    /* ---- 32-bit operands in real mode (0x66) ---- */
    CLEAR
    mov $0x12345678, %eax
    add $0x11111111, %eax
    FLAGS %ebx, %bx
    REC %eax, "add32"
    REC %ebx, "add32 flags"
    CLEAR
    mov $0xFFFFFFFF, %ecx
    inc %ecx
    FLAGS %ebx, %bx
    REC %ecx, "inc32 ffffffff"
    REC %ebx, "inc32 flags"
    CLEAR
    mov $0x10000, %eax
    mov $0x30000, %ecx
    mul %ecx
    REC %eax, "mul32 eax"
    REC %edx, "mul32 edx"
    CLEAR
    mov $0x87654321, %eax
    mov $0x12345678, %edx
    shld $8, %eax, %edx
    REC %edx, "shld32"
    mov $0xFF80, %bx
    movswl %bx, %ecx
    REC %ecx, "movswl"
    movzbl %bl, %esi
    REC %esi, "movzbl"
    CLEAR
    mov $-7, %eax
    cltd
    mov $2, %ecx
    idiv %ecx
    REC %eax, "idiv32 quotient"
    REC %edx, "idiv32 remainder"

    /* ---- #DE in real mode, through vector 0 ---- */
    CLEAR
    movw $(de_handler - rm_start), %ss:0
    movw $RM_SEG, %ss:2
    mov $0x1234, %ax
    xor %bl, %bl
de_instruction:
    div %bl
    REC %eax, "ax after #DE"
    REC %esi, "#DE handler saw ip"
    REC %edi, "#DE handler saw cs"
    mov $(de_instruction - rm_start), %cx
    REC %ecx, "de_instruction offset"

    /* Back up: set PE, far jump to the 32-bit code segment. */
    mov %cr0, %eax
    or $1, %eax
    mov %eax, %cr0
    ljmpl $CODE32, $pm32_back

    /* ---- subroutines and handlers ---- */
near_sub:
    mov %sp, %bp
    movzwl (%bp), %eax
    ret

near_sub_alias:
    mov %sp, %bp
    movzwl (%bp), %ebx
    ret

ret2_sub:
    ret $2

smc_target:
    mov $0x1111, %ax
    ret

far_sub:
    mov %sp, %bp
    movzwl (%bp), %eax
    movzwl 2(%bp), %edx
    lret

far_sub32:
    mov %sp, %bp
    mov (%bp), %eax
    mov 4(%bp), %edx
    mov %sp, %cx
    lretl

int42_handler:
    mov %sp, %bp
    movzwl (%bp), %eax
    movzwl 2(%bp), %ebx
    movzwl 4(%bp), %ecx
    FLAGS %edx, %dx
    orw $1, 4(%bp)                      /* CF set in the FLAGS image IRET restores */
    mov $0x4242, %esi
    add $6, %bp                         /* SP before the INT, for the caller's check */
    iret

timer_handler:
    push %ax
    incl %cs:(timer_ticks - rm_start)
    mov $0x20, %al                      /* end of interrupt */
    out %al, $0x20
    pop %ax
    iret

de_handler:
    mov %sp, %bp
    movzwl (%bp), %esi
    movzwl 2(%bp), %edi
    addw $2, (%bp)                      /* past the 2-byte DIV */
    iret

ivt_pointer:
    .word 0x3FF
    .long 0
com1_line:
    .ascii "realmode: this line comes from real mode, through rep outsb\n"
com1_line_end:
port_byte:
    .byte 0
moved_ivt_pointer:
    .word 0x3FF
    .long 0x600
    .align 4
timer_ticks:
    .long 0
near_pointer:
    .word near_sub - rm_start
far_pointer:
    .word far_sub - rm_start
    .word RM_SEG
stack_pointer:
    .word STACK_TOP - 0x7000
    .word 0x0700
    .align 4
results:
    .skip 4 * 160
rm_end:

    .section .data
rm_result_count:
    .long slot
    .pushsection .rodata.rmnames, "a"
    .byte 0
    .popsection

    .section .note.GNU-stack, "", @progbits
