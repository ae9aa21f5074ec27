/*
 * bt bts btr btc (register and immediate bit index, register and memory base; a memory base with
 * a register index addresses the bit string beyond the operand, negative indexes included) and
 * bsf/bsr at 16 and 32 bits, with a zero source (ZF = 1; the destination keeps its old value, as
 * on qemu-i386 and real CPUs, though Intel calls it undefined).
 */
#include "insn.h"

static const uint32_t indexes[] = { 0, 1, 7, 8, 15, 16, 31, 32, 33, 63, 0xffffffff, 0x80000000 };

#define BIT_REGISTER(name, insn, T, ops, digits)                                                     \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < COUNT(ops); i++)                                                    \
            for (unsigned j = 0; j < COUNT(indexes); j++) {                                          \
                T a = ops[i], b = (T)indexes[j]; uint32_t f = input_flags[(i + j) & 1];              \
                __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " %[b], %[a]\n\tpushfl\n\tpopl %[f]" \
                                 : [a] "+r"(a), [f] "+r"(f) : [b] "r"(b) : "cc");                    \
                printf(#name " %0" #digits "x %0" #digits "x %03x -> %0" #digits "x %03x\n",         \
                       (unsigned)ops[i], (unsigned)b, input_flags[(i + j) & 1], (unsigned)a, f & FLAG_MASK); \
            }                                                                                        \
    }
#define BIT_IMMEDIATE(name, insn, imm, T, ops, digits)                                               \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < COUNT(ops); i++) {                                                  \
            T a = ops[i]; uint32_t f = input_flags[i & 1];                                           \
            __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " $" #imm ", %[a]\n\tpushfl\n\tpopl %[f]" \
                             : [a] "+rm"(a), [f] "+r"(f) : : "cc");                                  \
            printf(#name " %0" #digits "x %03x -> %0" #digits "x %03x\n", (unsigned)ops[i],          \
                   input_flags[i & 1], (unsigned)a, f & FLAG_MASK);                                  \
        }                                                                                            \
    }
#define BIT_OPS(op)                                                                                  \
    BIT_REGISTER(op##16, #op "w", uint16_t, ops16, 4) BIT_REGISTER(op##32, #op "l", uint32_t, ops32, 8) \
    BIT_IMMEDIATE(op##16_imm15, #op "w", 15, uint16_t, ops16, 4) BIT_IMMEDIATE(op##16_imm17, #op "w", 17, uint16_t, ops16, 4) \
    BIT_IMMEDIATE(op##32_imm31, #op "l", 31, uint32_t, ops32, 8) BIT_IMMEDIATE(op##32_imm36, #op "l", 36, uint32_t, ops32, 8)
BIT_OPS(bt) BIT_OPS(bts) BIT_OPS(btr) BIT_OPS(btc)

/* A memory base with a register index: the bit string is the 32 bytes around the middle of `string`. */
static uint8_t string[32];
static const int32_t memory_indexes[] = { 0, 5, 31, 32, 100, 127, -1, -8, -100, -128 };
#define BIT_MEMORY(name, insn, index)                                                                     \
    static void name(void) {                                                                         \
        for (unsigned j = 0; j < COUNT(memory_indexes); j++) {                                       \
            for (unsigned b = 0; b < sizeof string; b++) string[b] = (uint8_t)(0x5a ^ (b * 37));     \
            uint32_t f = input_flags[j & 1];                                                         \
            __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " %" index ", (%[base])\n\tpushfl\n\tpopl %[f]" \
                             : [f] "+r"(f) : [i] "r"(memory_indexes[j]), [base] "r"(string + 16) : "cc", "memory"); \
            printf(#name " %d %03x ->", memory_indexes[j], input_flags[j & 1]);                      \
            for (unsigned b = 0; b < sizeof string; b += 4) printf(" %08x", *(uint32_t *)(string + b)); \
            printf(" %03x\n", f & FLAG_MASK);                                                        \
        }                                                                                            \
    }
BIT_MEMORY(btl_mem, "btl", "[i]") BIT_MEMORY(btsl_mem, "btsl", "[i]") BIT_MEMORY(btrl_mem, "btrl", "[i]") BIT_MEMORY(btcl_mem, "btcl", "[i]")
BIT_MEMORY(btsw_mem, "btsw", "w[i]") BIT_MEMORY(btcw_mem, "btcw", "w[i]")

/* bsf/bsr into a destination that holds 0xdeadbeef first, so an unwritten destination shows. */
#define SCAN(name, insn, T, ops, digits)                                                             \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < COUNT(ops); i++)                                                    \
            for (unsigned k = 0; k < INPUT_FLAG_COUNT; k++) {                                        \
                T a = (T)0xdeadbeef, b = ops[i]; uint32_t f = input_flags[k];                        \
                __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " %[b], %[a]\n\tpushfl\n\tpopl %[f]" \
                                 : [a] "+r"(a), [f] "+r"(f) : [b] "rm"(b) : "cc");                   \
                printf(#name " %0" #digits "x %03x -> %0" #digits "x %03x\n", (unsigned)ops[i],      \
                       input_flags[k], (unsigned)a, f & FLAG_MASK);                                  \
            }                                                                                        \
    }
SCAN(bsf16, "bsfw", uint16_t, ops16, 4) SCAN(bsf32, "bsfl", uint32_t, ops32, 8)
SCAN(bsr16, "bsrw", uint16_t, ops16, 4) SCAN(bsr32, "bsrl", uint32_t, ops32, 8)

#define RUN_BIT(op) op##16(); op##32(); op##16_imm15(); op##16_imm17(); op##32_imm31(); op##32_imm36();
int main(void) {
    RUN_BIT(bt) RUN_BIT(bts) RUN_BIT(btr) RUN_BIT(btc)
    btl_mem(); btsl_mem(); btrl_mem(); btcl_mem(); btsw_mem(); btcw_mem();
    bsf16(); bsf32(); bsr16(); bsr32();
    return 0;
}
