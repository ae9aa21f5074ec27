/*
 * mul and imul (one operand at 8/16/32 bits, two and three operands at 16/32) and div/idiv at
 * every width over the boundary operands, with the flags (SF ZF AF PF are undefined after mul and
 * all six after div: qemu-i386's values are the reference). Cases that would fault (#DE) are left
 * to the de-* programs.
 */
#include "insn.h"

/* One-operand mul/imul: EDX:EAX (or DX:AX, AX) = A * operand. */
#define WIDEN(name, insn, T, R, ops, digits)                                                         \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < COUNT(ops); i++)                                                    \
            for (unsigned j = 0; j < COUNT(ops); j++)                                                \
                for (unsigned k = 0; k < INPUT_FLAG_COUNT; k++) {                                    \
                    uint32_t eax = 0xdead0000u | ops[i], edx = 0xbeefbeefu, f = input_flags[k];      \
                    T b = ops[j];                                                                    \
                    __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " %[b]\n\tpushfl\n\tpopl %[f]"    \
                                     : "+a"(eax), "+d"(edx), [f] "+r"(f) : [b] R(b) : "cc");         \
                    printf(#name " %0" #digits "x %0" #digits "x %03x -> %08x %08x %03x\n",          \
                           (unsigned)ops[i], (unsigned)ops[j], input_flags[k], eax, edx, f & FLAG_MASK); \
                }                                                                                    \
    }
WIDEN(mul8, "mulb", uint8_t, "q", ops8, 2) WIDEN(mul16, "mulw", uint16_t, "r", ops16, 4)
WIDEN(mul32, "mull", uint32_t, "r", ops32, 8) WIDEN(imul8, "imulb", uint8_t, "q", ops8, 2)
WIDEN(imul16, "imulw", uint16_t, "r", ops16, 4) WIDEN(imul32, "imull", uint32_t, "r", ops32, 8)

/* imul r, r/m and imul r, r/m, imm. */
#define TWO_OPERAND(name, insn, T, ops, digits)                                                      \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < COUNT(ops); i++)                                                    \
            for (unsigned j = 0; j < COUNT(ops); j++) {                                              \
                T a = ops[i], b = ops[j]; uint32_t f = input_flags[(i + j) & 1];                     \
                __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " %[b], %[a]\n\tpushfl\n\tpopl %[f]" \
                                 : [a] "+r"(a), [f] "+r"(f) : [b] "rm"(b) : "cc");                   \
                printf(#name " %0" #digits "x %0" #digits "x %03x -> %0" #digits "x %03x\n",         \
                       (unsigned)ops[i], (unsigned)ops[j], input_flags[(i + j) & 1], (unsigned)a, f & FLAG_MASK); \
            }                                                                                        \
    }
TWO_OPERAND(imul16_2, "imulw", uint16_t, ops16, 4) TWO_OPERAND(imul32_2, "imull", uint32_t, ops32, 8)

#define THREE_OPERAND(name, insn, imm, T, ops, digits)                                               \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < COUNT(ops); i++) {                                                  \
            T a, b = ops[i]; uint32_t f = input_flags[i & 1];                                        \
            __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " $" #imm ", %[b], %[a]\n\tpushfl\n\tpopl %[f]" \
                             : [a] "=r"(a), [f] "+r"(f) : [b] "rm"(b) : "cc");                       \
            printf(#name " %0" #digits "x %03x -> %0" #digits "x %03x\n", (unsigned)ops[i],          \
                   input_flags[i & 1], (unsigned)a, f & FLAG_MASK);                                  \
        }                                                                                            \
    }
THREE_OPERAND(imul16_imm8, "imulw", -3, uint16_t, ops16, 4) THREE_OPERAND(imul16_imm16, "imulw", 0x4001, uint16_t, ops16, 4)
THREE_OPERAND(imul32_imm8, "imull", 127, uint32_t, ops32, 8) THREE_OPERAND(imul32_imm32, "imull", -65537, uint32_t, ops32, 8)

/* div/idiv: the dividend is EDX:EAX (DX:AX, AX); a quotient that does not fit would raise #DE, so those are skipped. */
static const uint64_t dividends[] = { 0, 1, 0x7f, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000,
                                      0xffffffff, 0x100000000ull, 0x7fffffffffffull, 0xffffffff00000000ull,
                                      0xfffffffffffffff9ull, 0x8000000000000000ull, 0x123456789abcdefull };
static int fits(int is_signed, int bits, uint64_t dividend, uint32_t divisor) {
    uint64_t dmask = bits == 32 ? ~0ull : (1ull << (2 * bits)) - 1;
    uint64_t vmask = bits == 32 ? 0xffffffffull : (1ull << bits) - 1;
    uint64_t n = dividend & dmask, d = divisor & vmask;
    if (d == 0) return 0;
    if (!is_signed) return n / d <= vmask;
    int64_t sn = bits == 32 ? (int64_t)n : (int64_t)(n << (64 - 2 * bits)) >> (64 - 2 * bits);
    int64_t sd = (int64_t)(d << (64 - bits)) >> (64 - bits);
    if (sn == INT64_MIN && sd == -1) return 0;
    int64_t q = sn / sd, limit = (int64_t)1 << (bits - 1);
    return q >= -limit && q < limit;
}
#define DIVIDE(name, insn, is_signed, bits, T, R, ops, setup)                                        \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < COUNT(dividends); i++)                                              \
            for (unsigned j = 0; j < COUNT(ops); j++) {                                              \
                if (!fits(is_signed, bits, dividends[i], ops[j])) continue;                          \
                uint32_t eax, edx, f = input_flags[(i + j) & 1]; T b = ops[j];                       \
                setup;                                                                               \
                __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " %[b]\n\tpushfl\n\tpopl %[f]"        \
                                 : "+a"(eax), "+d"(edx), [f] "+r"(f) : [b] R(b) : "cc");             \
                printf(#name " %016llx %08x %03x -> %08x %08x %03x\n", (unsigned long long)dividends[i], \
                       (unsigned)ops[j], input_flags[(i + j) & 1], eax, edx, f & FLAG_MASK);         \
            }                                                                                        \
    }
#define SETUP8 eax = 0xdead0000u | (uint16_t)dividends[i]; edx = 0xbeefbeefu
#define SETUP16 eax = 0xdead0000u | (uint16_t)dividends[i]; edx = 0xbeef0000u | (uint16_t)(dividends[i] >> 16)
#define SETUP32 eax = (uint32_t)dividends[i]; edx = (uint32_t)(dividends[i] >> 32)
DIVIDE(div8, "divb", 0, 8, uint8_t, "q", ops8, SETUP8) DIVIDE(div16, "divw", 0, 16, uint16_t, "r", ops16, SETUP16)
DIVIDE(div32, "divl", 0, 32, uint32_t, "r", ops32, SETUP32) DIVIDE(idiv8, "idivb", 1, 8, uint8_t, "q", ops8, SETUP8)
DIVIDE(idiv16, "idivw", 1, 16, uint16_t, "r", ops16, SETUP16) DIVIDE(idiv32, "idivl", 1, 32, uint32_t, "r", ops32, SETUP32)

int main(void) {
    mul8(); mul16(); mul32(); imul8(); imul16(); imul32(); imul16_2(); imul32_2();
    imul16_imm8(); imul16_imm16(); imul32_imm8(); imul32_imm32();
    div8(); div16(); div32(); idiv8(); idiv16(); idiv32();
    return 0;
}
