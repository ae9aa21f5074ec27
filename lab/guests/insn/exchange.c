/*
 * cmpxchg at 8/16/32 bits (accumulator equal and unequal to the destination: ZF and the SUB flags
 * of accumulator − destination), cmpxchg8b (equal and unequal), xadd at every width over the
 * boundary operands, xchg, and bswap over the 32-bit operands.
 */
#include "insn.h"

#define COMPARE_EXCHANGE(name, insn, T, R, ops, digits)                                              \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < COUNT(ops); i++)                                                    \
            for (unsigned j = 0; j < COUNT(ops); j++) {                                              \
                T destination = ops[i], source = (T)~ops[i]; uint32_t eax = 0xdead0000u | ops[j];    \
                uint32_t f = input_flags[(i + j) & 1];                                               \
                __asm__ volatile("pushl %[f]\n\tpopfl\n\tlock " insn " %[s], %[d]\n\tpushfl\n\tpopl %[f]" \
                                 : [d] "+m"(destination), "+a"(eax), [f] "+r"(f) : [s] R(source) : "cc"); \
                printf(#name " %0" #digits "x %0" #digits "x %03x -> %0" #digits "x %08x %03x\n",    \
                       (unsigned)ops[i], (unsigned)ops[j], input_flags[(i + j) & 1], (unsigned)destination, \
                       eax, f & FLAG_MASK);                                                          \
            }                                                                                        \
    }
COMPARE_EXCHANGE(cmpxchg8, "cmpxchgb", uint8_t, "q", ops8, 2)
COMPARE_EXCHANGE(cmpxchg16, "cmpxchgw", uint16_t, "r", ops16, 4)
COMPARE_EXCHANGE(cmpxchg32, "cmpxchgl", uint32_t, "r", ops32, 8)

static void cmpxchg8b(void) {
    static const uint64_t values[] = { 0, 1, 0xffffffffull, 0x100000000ull, 0x8000000000000000ull, ~0ull };
    for (unsigned i = 0; i < COUNT(values); i++)
        for (unsigned j = 0; j < COUNT(values); j++) {
            uint64_t memory = values[i];
            uint32_t eax = (uint32_t)values[j], edx = (uint32_t)(values[j] >> 32), f = input_flags[(i + j) & 1];
            __asm__ volatile("pushl %[f]\n\tpopfl\n\tlock cmpxchg8b %[m]\n\tpushfl\n\tpopl %[f]"
                             : [m] "+m"(memory), "+a"(eax), "+d"(edx), [f] "+r"(f)
                             : "b"(0x11112222u), "c"(0x33334444u) : "cc");
            printf("cmpxchg8b %016llx %016llx %03x -> %016llx %08x %08x %03x\n", (unsigned long long)values[i],
                   (unsigned long long)values[j], input_flags[(i + j) & 1], (unsigned long long)memory, edx, eax,
                   f & FLAG_MASK);
        }
}

#define EXCHANGE_ADD(name, insn, T, R, ops, digits)                                                  \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < COUNT(ops); i++)                                                    \
            for (unsigned j = 0; j < COUNT(ops); j++) {                                              \
                T a = ops[i], b = ops[j], m = ops[i], c = ops[j]; uint32_t f = input_flags[(i + j) & 1], g = f; \
                __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " %[b], %[a]\n\tpushfl\n\tpopl %[f]" \
                                 : [a] "+" R(a), [b] "+" R(b), [f] "+r"(f) : : "cc");               \
                __asm__ volatile("pushl %[f]\n\tpopfl\n\tlock " insn " %[c], %[m]\n\tpushfl\n\tpopl %[f]" \
                                 : [m] "+m"(m), [c] "+" R(c), [f] "+r"(g) : : "cc");                 \
                printf(#name " %0" #digits "x %0" #digits "x %03x -> %0" #digits "x %0" #digits "x %03x" \
                       " mem %0" #digits "x %0" #digits "x %03x\n", (unsigned)ops[i], (unsigned)ops[j], \
                       input_flags[(i + j) & 1], (unsigned)a, (unsigned)b, f & FLAG_MASK, (unsigned)m,  \
                       (unsigned)c, g & FLAG_MASK);                                                  \
            }                                                                                        \
    }
EXCHANGE_ADD(xadd8, "xaddb", uint8_t, "q", ops8, 2)
EXCHANGE_ADD(xadd16, "xaddw", uint16_t, "r", ops16, 4)
EXCHANGE_ADD(xadd32, "xaddl", uint32_t, "r", ops32, 8)

static void bswap_xchg(void) {
    for (unsigned i = 0; i < COUNT(ops32); i++) {
        uint32_t a = ops32[i], b = ops32[COUNT(ops32) - 1 - i], m = a;
        __asm__ volatile("bswap %[a]" : [a] "+r"(a));
        __asm__ volatile("xchgl %[b], %[m]" : [b] "+r"(b), [m] "+m"(m));
        uint8_t high = (uint8_t)(ops32[i] >> 8), low = (uint8_t)ops32[i];
        __asm__ volatile("xchgb %[h], %[l]" : [h] "+q"(high), [l] "+q"(low));
        printf("bswap xchg %08x -> %08x %08x %08x %02x %02x\n", ops32[i], a, b, m, high, low);
    }
}

int main(void) {
    cmpxchg8(); cmpxchg16(); cmpxchg32(); cmpxchg8b(); xadd8(); xadd16(); xadd32(); bswap_xchg();
    return 0;
}
