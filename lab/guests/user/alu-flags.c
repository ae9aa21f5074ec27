/*
 * Instruction tests: every ALU, shift, rotate, multiply and bit-scan operation over boundary
 * operands, printing the result and the six arithmetic flags. Run under qemu-i386 this produces
 * the reference (expected/alu-flags.out); where Intel leaves a flag undefined, QEMU's value is
 * what RuntimeLab must match.
 */
#include <stdio.h>

static const unsigned operands[] = {
    0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff,
    0x7fffffff, 0x80000000, 0xffffffff, 0x12345678, 0xfffffffe,
};
#define COUNT (sizeof operands / sizeof operands[0])
static const unsigned counts[] = { 0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33 };
#define FLAGS 0x8d5u /* OF SF ZF AF PF CF */

/* Runs INSN on (r, b) with all flags clear, or with CF set when CARRY is 1; captures EFLAGS after it. */
#define BINARY(name, insn, reg, carry)                                                             \
    static void name(void) {                                                                       \
        for (unsigned i = 0; i < COUNT; i++)                                                       \
            for (unsigned j = 0; j < COUNT; j++) {                                                 \
                unsigned r = operands[i], b = operands[j], f;                                      \
                __asm__ volatile("pushl %3\n\tpopfl\n\t" insn "\n\tpushfl\n\tpopl %1"              \
                                 : "+r"(r), "=r"(f) : reg(b), "r"(carry) : "cc");                  \
                printf(#name " %08x %08x -> %08x %03x\n", operands[i], b, r, f & FLAGS);           \
            }                                                                                      \
    }

BINARY(add32, "addl %2, %0", "r", 0)
BINARY(sub32, "subl %2, %0", "r", 0)
BINARY(adc32_c0, "adcl %2, %0", "r", 0)
BINARY(adc32_c1, "adcl %2, %0", "r", 1)
BINARY(sbb32_c0, "sbbl %2, %0", "r", 0)
BINARY(sbb32_c1, "sbbl %2, %0", "r", 1)
BINARY(and32, "andl %2, %0", "r", 0)
BINARY(or32, "orl %2, %0", "r", 0)
BINARY(xor32, "xorl %2, %0", "r", 0)
BINARY(cmp32, "cmpl %2, %0", "r", 0)
BINARY(test32, "testl %2, %0", "r", 0)
BINARY(add16, "addw %w2, %w0", "r", 0)
BINARY(sub16, "subw %w2, %w0", "r", 0)
BINARY(adc16_c1, "adcw %w2, %w0", "r", 1)
BINARY(add8, "addb %b2, %b0", "q", 0)
BINARY(sub8, "subb %b2, %b0", "q", 0)
BINARY(sbb8_c1, "sbbb %b2, %b0", "q", 1)
BINARY(imul32, "imull %2, %0", "r", 0)
BINARY(imul16, "imulw %w2, %w0", "r", 0)
BINARY(bsf32, "bsfl %2, %0", "r", 0)
BINARY(bsr32, "bsrl %2, %0", "r", 0)
BINARY(bt32, "btl %2, %0", "r", 0)
BINARY(bts32, "btsl %2, %0", "r", 0)
BINARY(xadd32, "xaddl %2, %0", "r", 0)

#define UNARY(name, insn, carry)                                                                   \
    static void name(void) {                                                                       \
        for (unsigned i = 0; i < COUNT; i++) {                                                     \
            unsigned r = operands[i], f;                                                           \
            __asm__ volatile("pushl %2\n\tpopfl\n\t" insn "\n\tpushfl\n\tpopl %1"                  \
                             : "+r"(r), "=r"(f) : "r"(carry) : "cc");                              \
            printf(#name " %08x -> %08x %03x\n", operands[i], r, f & FLAGS);                       \
        }                                                                                          \
    }

UNARY(inc32_c1, "incl %0", 1)
UNARY(dec32_c0, "decl %0", 0)
UNARY(neg32, "negl %0", 0)
UNARY(not32, "notl %0", 1)
UNARY(inc8, "incb %b0", 0)
UNARY(neg16, "negw %w0", 0)
UNARY(bswap32, "bswap %0", 0)

#define SHIFT(name, insn, carry)                                                                   \
    static void name(void) {                                                                       \
        for (unsigned i = 0; i < COUNT; i++)                                                       \
            for (unsigned k = 0; k < sizeof counts / sizeof counts[0]; k++) {                      \
                unsigned r = operands[i], c = counts[k], f;                                        \
                __asm__ volatile("pushl %3\n\tpopfl\n\t" insn "\n\tpushfl\n\tpopl %1"              \
                                 : "+r"(r), "=r"(f) : "c"(c), "r"(carry) : "cc");                  \
                printf(#name " %08x %2u -> %08x %03x\n", operands[i], c, r, f & FLAGS);            \
            }                                                                                      \
    }

SHIFT(shl32, "shll %%cl, %0", 0)
SHIFT(shr32, "shrl %%cl, %0", 0)
SHIFT(sar32, "sarl %%cl, %0", 0)
SHIFT(rol32, "roll %%cl, %0", 0)
SHIFT(ror32, "rorl %%cl, %0", 0)
SHIFT(rcl32_c1, "rcll %%cl, %0", 1)
SHIFT(rcr32_c1, "rcrl %%cl, %0", 1)
SHIFT(shl16, "shlw %%cl, %w0", 0)
SHIFT(sar16, "sarw %%cl, %w0", 0)
SHIFT(rcl16_c1, "rclw %%cl, %w0", 1)
SHIFT(shl8, "shlb %%cl, %b0", 0)
SHIFT(shr8, "shrb %%cl, %b0", 0)
SHIFT(ror8, "rorb %%cl, %b0", 0)
SHIFT(rcr8_c1, "rcrb %%cl, %b0", 1)
SHIFT(shld32, "shldl %%cl, %0, %0", 0)
SHIFT(shrd32, "shrdl %%cl, %0, %0", 0)

static void mul_wide(void) {
    for (unsigned i = 0; i < COUNT; i++)
        for (unsigned j = 0; j < COUNT; j++) {
            unsigned lo = operands[i], hi, f, slo = operands[i], shi, sf;
            __asm__ volatile("pushl $0\n\tpopfl\n\tmull %3\n\tpushfl\n\tpopl %2" : "+a"(lo), "=d"(hi), "=r"(f) : "r"(operands[j]) : "cc");
            __asm__ volatile("pushl $0\n\tpopfl\n\timull %3\n\tpushfl\n\tpopl %2" : "+a"(slo), "=d"(shi), "=r"(sf) : "r"(operands[j]) : "cc");
            printf("mul %08x %08x -> %08x:%08x %03x imul %08x:%08x %03x\n", operands[i], operands[j], hi, lo, f & FLAGS, shi, slo, sf & FLAGS);
        }
}

static void bcd(void) {
    for (unsigned v = 0; v < 0x100; v += 7)
        for (unsigned carry = 0; carry < 2; carry++) {
            unsigned a = v, d = v, f, g;
            __asm__ volatile("pushl %2\n\tpopfl\n\tdaa\n\tpushfl\n\tpopl %1" : "+a"(a), "=r"(f) : "r"(carry) : "cc");
            __asm__ volatile("pushl %2\n\tpopfl\n\tdas\n\tpushfl\n\tpopl %1" : "+a"(d), "=r"(g) : "r"(carry) : "cc");
            printf("daa/das %02x c%u -> %02x %03x %02x %03x\n", v, carry, a & 0xff, f & FLAGS, d & 0xff, g & FLAGS);
        }
}

int main(void) {
    add32(); sub32(); adc32_c0(); adc32_c1(); sbb32_c0(); sbb32_c1(); and32(); or32(); xor32(); cmp32(); test32();
    add16(); sub16(); adc16_c1(); add8(); sub8(); sbb8_c1(); imul32(); imul16(); bsf32(); bsr32(); bt32(); bts32(); xadd32();
    inc32_c1(); dec32_c0(); neg32(); not32(); inc8(); neg16(); bswap32();
    shl32(); shr32(); sar32(); rol32(); ror32(); rcl32_c1(); rcr32_c1(); shl16(); sar16(); rcl16_c1(); shl8(); shr8(); ror8(); rcr8_c1(); shld32(); shrd32();
    mul_wide(); bcd();
    return 0;
}
