/*
 * setcc, cmovcc and jcc on all 16 conditions, under every combination of CF PF ZF SF OF (32
 * flag states, AF and DF alternating): per state, one bit per condition for each of the three.
 */
#include "insn.h"

#define CONDITIONS(X) X(o) X(no) X(b) X(ae) X(e) X(ne) X(be) X(a) X(s) X(ns) X(p) X(np) X(l) X(ge) X(le) X(g)

static const uint32_t flag_bits[] = { 0x001, 0x004, 0x040, 0x080, 0x800 };

int main(void) {
    for (unsigned state = 0; state < 32; state++) {
        uint32_t f = 0x002 | ((state & 1) ? 0x010 : 0) | ((state & 2) ? 0x400 : 0);
        for (unsigned b = 0; b < COUNT(flag_bits); b++)
            if (state & (1u << b)) f |= flag_bits[b];
        unsigned set = 0, moved = 0, jumped = 0, n = 0;
#define TEST_CONDITION(cc)                                                                           \
        {                                                                                            \
            uint8_t s; uint32_t m = 0, j = 0;                                                        \
            __asm__ volatile("pushl %[f]\n\tpopfl\n\tset" #cc " %[s]\n\tcmov" #cc " %[one], %[m]\n\t" \
                             "j" #cc " 1f\n\tjmp 2f\n1:\tmovl $1, %[j]\n2:\n\tcld"                   \
                             : [s] "=q"(s), [m] "+r"(m), [j] "+r"(j) : [f] "r"(f), [one] "r"(1u) : "cc"); \
            set |= (unsigned)s << n; moved |= m << n; jumped |= j << n; n++;                         \
        }
        CONDITIONS(TEST_CONDITION)
        printf("flags %03x -> setcc %04x cmovcc %04x jcc %04x\n", f & FLAG_MASK, set, moved, jumped);
    }
    /* cmov with a false condition and a memory source still reads it (no fault here) and leaves the destination. */
    uint32_t source = 0x12345678, destination = 0xdeadbeef;
    __asm__ volatile("xorl %%eax, %%eax\n\tcmovnel %[s], %[d]" : [d] "+r"(destination) : [s] "m"(source) : "eax", "cc");
    printf("cmovne false -> %08x\n", destination);
    uint16_t narrow = 0xbeef;
    __asm__ volatile("xorl %%eax, %%eax\n\tcmovew %[s], %[d]" : [d] "+r"(narrow) : [s] "r"((uint16_t)0x1234) : "eax", "cc");
    printf("cmove16 true -> %04x\n", narrow);
    return 0;
}
