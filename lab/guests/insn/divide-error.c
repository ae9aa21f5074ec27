/*
 * #DE, one program per kind: the Makefile builds this file once per kind as build/insn/de-KIND,
 * with -DFAULT_KIND. In user mode the guest dies of SIGFPE, exit 136. The line before shows the
 * program ran up to the fault; the line after must never print.
 */
#include <unistd.h>

int main(void) {
    write(1, "before\n", 7);
#if defined(FAULT_div_zero)          /* EDX:EAX / 0 */
    unsigned eax = 0, edx = 0, ecx = 0;
    __asm__ volatile("divl %%ecx" : "+a"(eax), "+d"(edx) : "c"(ecx) : "cc");
#elif defined(FAULT_div_overflow)    /* 0x1:0x10000 / 1: the quotient does not fit in 32 bits */
    unsigned eax = 0x10000, edx = 1, ecx = 1;
    __asm__ volatile("divl %%ecx" : "+a"(eax), "+d"(edx) : "c"(ecx) : "cc");
#elif defined(FAULT_div8_overflow)   /* AX = 0x1000 / 2: the quotient does not fit in AL */
    unsigned eax = 0x1000, edx = 0, ecx = 2;
    __asm__ volatile("divb %%cl" : "+a"(eax), "+d"(edx) : "c"(ecx) : "cc");
#elif defined(FAULT_idiv_overflow)   /* INT_MIN / -1 */
    unsigned eax = 0x80000000, edx = 0xffffffff, ecx = 0xffffffff;
    __asm__ volatile("idivl %%ecx" : "+a"(eax), "+d"(edx) : "c"(ecx) : "cc");
#elif defined(FAULT_idiv8_overflow)  /* AX = -128 / -1: +128 does not fit in AL */
    unsigned eax = 0xff80, edx = 0, ecx = 0xff;
    __asm__ volatile("idivb %%cl" : "+a"(eax), "+d"(edx) : "c"(ecx) : "cc");
#elif defined(FAULT_aam_zero)        /* AAM with base 0 divides by zero */
    unsigned eax = 0x1234, edx = 0;
    __asm__ volatile("aam $0" : "+a"(eax), "+d"(edx) : : "cc");
#else
#error "build with -DFAULT_KIND (see the Makefile)"
#endif
    write(1, "after\n", 6);
    return (int)(eax + edx);
}
