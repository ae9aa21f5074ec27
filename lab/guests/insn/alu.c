/*
 * The ALU ops (add adc sub sbb and or xor cmp test inc dec neg not) at 8, 16 and 32 bits over the
 * boundary operands, each with every input flag set: result and flags per case.
 */
#include "insn.h"

/* Two operands: a OP= b with flags f in; prints the result and the flags out. */
#define BINARY(name, insn, T, R, ops, digits)                                                        \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < COUNT(ops); i++)                                                    \
            for (unsigned j = 0; j < COUNT(ops); j++)                                                \
                for (unsigned k = 0; k < INPUT_FLAG_COUNT; k++) {                                    \
                    T a = ops[i], b = ops[j]; uint32_t f = input_flags[k];                           \
                    __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " %[b], %[a]\n\tpushfl\n\tpopl %[f]" \
                                     : [a] "+" R(a), [f] "+r"(f) : [b] R(b) : "cc");                 \
                    printf(#name " %0" #digits "x %0" #digits "x %03x -> %0" #digits "x %03x\n",     \
                           (unsigned)ops[i], (unsigned)ops[j], input_flags[k], (unsigned)a, f & FLAG_MASK); \
                }                                                                                    \
    }

/* One operand: OP a. */
#define UNARY(name, insn, T, R, ops, digits)                                                         \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < COUNT(ops); i++)                                                    \
            for (unsigned k = 0; k < INPUT_FLAG_COUNT; k++) {                                        \
                T a = ops[i]; uint32_t f = input_flags[k];                                           \
                __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " %[a]\n\tpushfl\n\tpopl %[f]"        \
                                 : [a] "+" R(a), [f] "+r"(f) : : "cc");                              \
                printf(#name " %0" #digits "x %03x -> %0" #digits "x %03x\n",                        \
                       (unsigned)ops[i], input_flags[k], (unsigned)a, f & FLAG_MASK);                \
            }                                                                                        \
    }

#define ALL_WIDTHS(KIND, op)                                                                         \
    KIND(op##8, #op "b", uint8_t, "q", ops8, 2)                                                      \
    KIND(op##16, #op "w", uint16_t, "r", ops16, 4)                                                   \
    KIND(op##32, #op "l", uint32_t, "r", ops32, 8)

ALL_WIDTHS(BINARY, add) ALL_WIDTHS(BINARY, adc) ALL_WIDTHS(BINARY, sub) ALL_WIDTHS(BINARY, sbb)
ALL_WIDTHS(BINARY, and) ALL_WIDTHS(BINARY, or) ALL_WIDTHS(BINARY, xor) ALL_WIDTHS(BINARY, cmp)
ALL_WIDTHS(BINARY, test)
ALL_WIDTHS(UNARY, inc) ALL_WIDTHS(UNARY, dec) ALL_WIDTHS(UNARY, neg) ALL_WIDTHS(UNARY, not)

/* The same ops with a memory destination and an immediate source take other handlers. */
static uint32_t memory_cell;
#define MEMORY_IMMEDIATE(name, insn, imm)                                                            \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < COUNT(ops32); i++)                                                  \
            for (unsigned k = 0; k < INPUT_FLAG_COUNT; k++) {                                        \
                uint32_t f = input_flags[k]; memory_cell = ops32[i];                                 \
                __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " $" #imm ", %[m]\n\tpushfl\n\tpopl %[f]" \
                                 : [m] "+m"(memory_cell), [f] "+r"(f) : : "cc");                     \
                printf(#name " %08x %03x -> %08x %03x\n", ops32[i], input_flags[k], memory_cell, f & FLAG_MASK); \
            }                                                                                        \
    }
MEMORY_IMMEDIATE(addl_mem_imm8, "addl", 0x7f) MEMORY_IMMEDIATE(subl_mem_imm8, "subl", -128)
MEMORY_IMMEDIATE(adcl_mem_imm32, "adcl", 0x80000000) MEMORY_IMMEDIATE(sbbl_mem_imm32, "sbbl", 0x7fffffff)
MEMORY_IMMEDIATE(cmpb_mem_imm, "cmpb", 0x80) MEMORY_IMMEDIATE(cmpw_mem_imm, "cmpw", 0x8000)
MEMORY_IMMEDIATE(andl_mem_imm, "andl", 0xff00ff00) MEMORY_IMMEDIATE(xorw_mem_imm, "xorw", 0xffff)

int main(void) {
    add8(); add16(); add32(); adc8(); adc16(); adc32(); sub8(); sub16(); sub32(); sbb8(); sbb16(); sbb32();
    and8(); and16(); and32(); or8(); or16(); or32(); xor8(); xor16(); xor32(); cmp8(); cmp16(); cmp32();
    test8(); test16(); test32();
    inc8(); inc16(); inc32(); dec8(); dec16(); dec32(); neg8(); neg16(); neg32(); not8(); not16(); not32();
    addl_mem_imm8(); subl_mem_imm8(); adcl_mem_imm32(); sbbl_mem_imm32(); cmpb_mem_imm(); cmpw_mem_imm();
    andl_mem_imm(); xorw_mem_imm();
    return 0;
}
