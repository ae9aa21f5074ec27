/*
 * Sequences where a flag consumer follows its producer directly, as compiled code has them: every
 * setcc and jcc right after cmp, sub, add, test, and, inc, dec, neg, shl, shr, sar, imul and bt at
 * 8/16/32 bits, rotates, bsf and shld/shrd after a compare (the interpreter answers many such pairs without materializing EFLAGS, so pushf-based
 * cases do not reach those paths); adc/sbb chains; inc and dec keeping an earlier CF; lahf and
 * cmc/stc/clc. Per case, one bit per condition (o no b ae e ne be a s ns p np l ge le g).
 */
#include "insn.h"

#define CONDITIONS(X, P, R)                                                                          \
    X(o, P, R) X(no, P, R) X(b, P, R) X(ae, P, R) X(e, P, R) X(ne, P, R) X(be, P, R) X(a, P, R)      \
    X(s, P, R) X(ns, P, R) X(p, P, R) X(np, P, R) X(l, P, R) X(ge, P, R) X(le, P, R) X(g, P, R)

/* PRODUCER runs on a (and b), then one condition is tested at once: n-th bit of set (setcc) and jumped (jcc). */
#define ONE_CONDITION(cc, producer, R)                                                                          \
    {                                                                                                \
        T a = x; uint8_t s;                                                                        \
        __asm__ volatile(producer "\n\tset" #cc " %[s]" : [a] "+" R(a), [s] "=q"(s) : [b] R(y) : "cc"); \
        set |= (unsigned)s << n;                                                                     \
        a = x; uint32_t j = 0;                                                                       \
        __asm__ volatile(producer "\n\tj" #cc " 1f\n\tjmp 2f\n1:\tmovl $1, %[j]\n2:"                 \
                         : [a] "+" R(a), [j] "+r"(j) : [b] R(y) : "cc");                             \
        jumped |= j << n; n++;                                                                       \
    }
#define SEQUENCE(name, producer_text, TYPE, CONSTRAINT, ops, digits)                                 \
    static void name(void) {                                                                         \
        typedef TYPE T;                                                                              \
        for (unsigned i = 0; i < COUNT(ops); i++)                                                    \
            for (unsigned k = 0; k < COUNT(ops); k++) {                                              \
                T x = ops[i], y = ops[k]; unsigned set = 0, jumped = 0, n = 0;                       \
                CONDITIONS(ONE_CONDITION, producer_text, CONSTRAINT)                                                          \
                printf(#name " %0" #digits "x %0" #digits "x -> setcc %04x jcc %04x\n", (unsigned)x, \
                       (unsigned)y, set, jumped);                                                    \
            }                                                                                        \
    }
#define ALL_WIDTHS(op, text8, text16, text32)                                                        \
    SEQUENCE(op##8, text8, uint8_t, "q", ops8, 2)                                                    \
    SEQUENCE(op##16, text16, uint16_t, "r", ops16, 4)                                                \
    SEQUENCE(op##32, text32, uint32_t, "r", ops32, 8)
ALL_WIDTHS(cmp, "cmpb %[b], %[a]", "cmpw %[b], %[a]", "cmpl %[b], %[a]")
ALL_WIDTHS(sub, "subb %[b], %[a]", "subw %[b], %[a]", "subl %[b], %[a]")
ALL_WIDTHS(add, "addb %[b], %[a]", "addw %[b], %[a]", "addl %[b], %[a]")
ALL_WIDTHS(test, "testb %[b], %[a]", "testw %[b], %[a]", "testl %[b], %[a]")
ALL_WIDTHS(and, "andb %[b], %[a]", "andw %[b], %[a]", "andl %[b], %[a]")
/* One-operand producers: b only chooses the carry the instruction must keep or ignore (stc when b is odd). */
#define CARRY_IN "btl $0, %k[b]\n\t"
ALL_WIDTHS(inc, CARRY_IN "incb %[a]", CARRY_IN "incw %[a]", CARRY_IN "incl %[a]")
ALL_WIDTHS(dec, CARRY_IN "decb %[a]", CARRY_IN "decw %[a]", CARRY_IN "decl %[a]")
ALL_WIDTHS(neg, CARRY_IN "negb %[a]", CARRY_IN "negw %[a]", CARRY_IN "negl %[a]")
ALL_WIDTHS(shl1, CARRY_IN "shlb $1, %[a]", CARRY_IN "shlw $1, %[a]", CARRY_IN "shll $1, %[a]")
ALL_WIDTHS(shr3, CARRY_IN "shrb $3, %[a]", CARRY_IN "shrw $3, %[a]", CARRY_IN "shrl $3, %[a]")
ALL_WIDTHS(sar1, CARRY_IN "sarb $1, %[a]", CARRY_IN "sarw $1, %[a]", CARRY_IN "sarl $1, %[a]")
/* A shift by a zero count keeps every flag of the instruction before it. */
ALL_WIDTHS(shl0, "cmpb %[b], %[a]\n\tshlb $0, %[a]", "cmpw %[b], %[a]\n\tshlw $0, %[a]", "cmpl %[b], %[a]\n\tshll $0, %[a]")
/* Rotates change CF and OF only (OF undefined for counts above 1), keeping the rest of the compare before them. */
ALL_WIDTHS(rol1, "cmpb %[b], %[a]\n\trolb $1, %[a]", "cmpw %[b], %[a]\n\trolw $1, %[a]", "cmpl %[b], %[a]\n\troll $1, %[a]")
ALL_WIDTHS(ror5, "cmpb %[b], %[a]\n\trorb $5, %[a]", "cmpw %[b], %[a]\n\trorw $5, %[a]", "cmpl %[b], %[a]\n\trorl $5, %[a]")
ALL_WIDTHS(rcl1, "addb %[b], %[a]\n\trclb $1, %[a]", "addw %[b], %[a]\n\trclw $1, %[a]", "addl %[b], %[a]\n\trcll $1, %[a]")
ALL_WIDTHS(rcr3, "subb %[b], %[a]\n\trcrb $3, %[a]", "subw %[b], %[a]\n\trcrw $3, %[a]", "subl %[b], %[a]\n\trcrl $3, %[a]")
SEQUENCE(bsf32, "cmpl %[b], %[a]\n\tbsfl %[b], %[a]", uint32_t, "r", ops32, 8)
SEQUENCE(shld32, "cmpl %[b], %[a]\n\tshldl $4, %[b], %[a]", uint32_t, "r", ops32, 8)
SEQUENCE(shrd32_by0, "addl %[b], %[a]\n\tshrdl $0, %[b], %[a]", uint32_t, "r", ops32, 8)
SEQUENCE(imul16, "imulw %[b], %[a]", uint16_t, "r", ops16, 4)
SEQUENCE(imul32, "imull %[b], %[a]", uint32_t, "r", ops32, 8)
SEQUENCE(bt32, "cmpl %[b], %[a]\n\tbtl %[b], %[a]", uint32_t, "r", ops32, 8)
SEQUENCE(adc32, CARRY_IN "adcl %[b], %[a]", uint32_t, "r", ops32, 8)
SEQUENCE(sbb32, CARRY_IN "sbbl %[b], %[a]", uint32_t, "r", ops32, 8)
SEQUENCE(cmc, "cmpl %[b], %[a]\n\tcmc", uint32_t, "r", ops32, 8)
SEQUENCE(stc, "cmpl %[b], %[a]\n\tstc", uint32_t, "r", ops32, 8)
SEQUENCE(clc, "cmpl %[b], %[a]\n\tclc", uint32_t, "r", ops32, 8)

/* 64-bit arithmetic as compiled code does it: add/adc and sub/sbb pairs, then the flags of the high half. */
static void wide(void) {
    static const uint64_t values[] = { 0, 1, 0xffffffffull, 0x100000000ull, 0x7fffffffffffffffull,
                                       0x8000000000000000ull, ~0ull, 0x123456789abcdef0ull };
    for (unsigned i = 0; i < COUNT(values); i++)
        for (unsigned j = 0; j < COUNT(values); j++) {
            uint32_t sum_low = (uint32_t)values[i], sum_high = (uint32_t)(values[i] >> 32), f, g, h, ah;
            uint32_t difference_low = sum_low, difference_high = sum_high;
            __asm__ volatile("addl %%eax, %%ecx\n\tadcl %%edx, %%ebx\n\tpushfl\n\tpopl %[f]"
                             : "+c"(sum_low), "+b"(sum_high), [f] "=r"(f)
                             : "a"((uint32_t)values[j]), "d"((uint32_t)(values[j] >> 32)) : "cc");
            __asm__ volatile("subl %%eax, %%ecx\n\tsbbl %%edx, %%ebx\n\tpushfl\n\tpopl %[f]"
                             : "+c"(difference_low), "+b"(difference_high), [f] "=r"(g)
                             : "a"((uint32_t)values[j]), "d"((uint32_t)(values[j] >> 32)) : "cc");
            /* lahf after an add: AH = SF ZF 0 AF 0 PF 1 CF. */
            __asm__ volatile("addl %[y], %[x]\n\tlahf\n\tmovzbl %%ah, %[h]"
                             : [h] "=r"(h), "=a"(ah) : [x] "r"((uint32_t)values[i]), [y] "r"((uint32_t)values[j]) : "cc");
            (void)ah;
            printf("wide %016llx %016llx -> %016llx %03x %016llx %03x lahf %02x\n", (unsigned long long)values[i],
                   (unsigned long long)values[j], (unsigned long long)sum_high << 32 | sum_low, f & FLAG_MASK,
                   (unsigned long long)difference_high << 32 | difference_low, g & FLAG_MASK, h);
        }
}

#define RUN3(op) op##8(); op##16(); op##32();
int main(void) {
    RUN3(cmp) RUN3(sub) RUN3(add) RUN3(test) RUN3(and) RUN3(inc) RUN3(dec) RUN3(neg)
    RUN3(shl1) RUN3(shr3) RUN3(sar1) RUN3(shl0) RUN3(rol1) RUN3(ror5) RUN3(rcl1) RUN3(rcr3)
    bsf32(); shld32(); shrd32_by0();
    imul16(); imul32(); bt32(); adc32(); sbb32(); cmc(); stc(); clc(); wide();
    return 0;
}
