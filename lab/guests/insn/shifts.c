/*
 * Shifts and rotates (shl shr sar rol ror rcl rcr) at 8, 16 and 32 bits by CL over counts from 0
 * past the width (the count is masked to 5 bits; rcl/rcr at 8 and 16 bits rotate through CF modulo
 * 9 and 17), the by-1 and by-immediate forms, and shld/shrd at 16 and 32 bits.
 */
#include "insn.h"

static const uint8_t counts[] = { 0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 255 };

/* OP a by CL = count. */
#define BY_CL(name, insn, T, R, ops, digits)                                                         \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < COUNT(ops); i++)                                                    \
            for (unsigned c = 0; c < COUNT(counts); c++)                                             \
                for (unsigned k = 0; k < INPUT_FLAG_COUNT; k++) {                                    \
                    T a = ops[i]; uint32_t f = input_flags[k];                                       \
                    __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " %%cl, %[a]\n\tpushfl\n\tpopl %[f]" \
                                     : [a] "+" R(a), [f] "+r"(f) : "c"(counts[c]) : "cc");           \
                    printf(#name " %0" #digits "x %u %03x -> %0" #digits "x %03x\n",                 \
                           (unsigned)ops[i], counts[c], input_flags[k], (unsigned)a, f & FLAG_MASK); \
                }                                                                                    \
    }

/* OP a by an immediate count (1 assembles to the D0/D1 form, others to C0/C1). */
#define BY_IMMEDIATE(name, insn, count, T, R, ops, digits)                                           \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < COUNT(ops); i++)                                                    \
            for (unsigned k = 0; k < INPUT_FLAG_COUNT; k++) {                                        \
                T a = ops[i]; uint32_t f = input_flags[k];                                           \
                __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " $" #count ", %[a]\n\tpushfl\n\tpopl %[f]" \
                                 : [a] "+" R(a), [f] "+r"(f) : : "cc");                              \
                printf(#name " %0" #digits "x %03x -> %0" #digits "x %03x\n",                        \
                       (unsigned)ops[i], input_flags[k], (unsigned)a, f & FLAG_MASK);                \
            }                                                                                        \
    }

#define ALL_FORMS(op)                                                                                \
    BY_CL(op##8, #op "b", uint8_t, "q", ops8, 2)                                                     \
    BY_CL(op##16, #op "w", uint16_t, "r", ops16, 4)                                                  \
    BY_CL(op##32, #op "l", uint32_t, "r", ops32, 8)                                                  \
    BY_IMMEDIATE(op##8_by1, #op "b", 1, uint8_t, "q", ops8, 2)                                       \
    BY_IMMEDIATE(op##16_by1, #op "w", 1, uint16_t, "r", ops16, 4)                                    \
    BY_IMMEDIATE(op##32_by1, #op "l", 1, uint32_t, "r", ops32, 8)                                    \
    BY_IMMEDIATE(op##8_by5, #op "b", 5, uint8_t, "q", ops8, 2)                                       \
    BY_IMMEDIATE(op##32_by31, #op "l", 31, uint32_t, "r", ops32, 8)

ALL_FORMS(shl) ALL_FORMS(shr) ALL_FORMS(sar) ALL_FORMS(rol) ALL_FORMS(ror) ALL_FORMS(rcl) ALL_FORMS(rcr)

/* shld/shrd a, b by CL: a's bits shift out, b's shift in. */
static const uint32_t fill[] = { 0, 0xffffffff, 0xa5c3e10f };
#define DOUBLE(name, insn, T, ops, digits)                                                           \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < COUNT(ops); i++)                                                    \
            for (unsigned j = 0; j < COUNT(fill); j++)                                               \
                for (unsigned c = 0; c < COUNT(counts); c++)                                         \
                    for (unsigned k = 0; k < INPUT_FLAG_COUNT; k++) {                                \
                        T a = ops[i], b = (T)fill[j]; uint32_t f = input_flags[k];                   \
                        __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " %%cl, %[b], %[a]\n\tpushfl\n\tpopl %[f]" \
                                         : [a] "+r"(a), [f] "+r"(f) : [b] "r"(b), "c"(counts[c]) : "cc"); \
                        printf(#name " %0" #digits "x %0" #digits "x %u %03x -> %0" #digits "x %03x\n", \
                               (unsigned)ops[i], (unsigned)b, counts[c], input_flags[k], (unsigned)a, f & FLAG_MASK); \
                    }                                                                                \
    }
DOUBLE(shld16, "shldw", uint16_t, ops16, 4) DOUBLE(shld32, "shldl", uint32_t, ops32, 8)
DOUBLE(shrd16, "shrdw", uint16_t, ops16, 4) DOUBLE(shrd32, "shrdl", uint32_t, ops32, 8)

/* The immediate-count forms of shld/shrd. */
static void double_immediate(void) {
    for (unsigned i = 0; i < COUNT(ops32); i++)
        for (unsigned k = 0; k < INPUT_FLAG_COUNT; k++) {
            uint32_t a = ops32[i], b = ops32[i], f = input_flags[k], f2 = input_flags[k];
            __asm__ volatile("pushl %[f]\n\tpopfl\n\tshldl $1, %[c], %[a]\n\tpushfl\n\tpopl %[f]"
                             : [a] "+r"(a), [f] "+r"(f) : [c] "r"(0x80000001u) : "cc");
            __asm__ volatile("pushl %[f]\n\tpopfl\n\tshrdl $12, %[c], %[a]\n\tpushfl\n\tpopl %[f]"
                             : [a] "+r"(b), [f] "+r"(f2) : [c] "r"(0x80000001u) : "cc");
            printf("shld32_by1 shrd32_by12 %08x %03x -> %08x %03x %08x %03x\n", ops32[i], input_flags[k],
                   a, f & FLAG_MASK, b, f2 & FLAG_MASK);
        }
}

#define RUN_ALL(op) op##8(); op##16(); op##32(); op##8_by1(); op##16_by1(); op##32_by1(); op##8_by5(); op##32_by31();
int main(void) {
    RUN_ALL(shl) RUN_ALL(shr) RUN_ALL(sar) RUN_ALL(rol) RUN_ALL(ror) RUN_ALL(rcl) RUN_ALL(rcr)
    shld16(); shld32(); shrd16(); shrd32(); double_immediate();
    return 0;
}
