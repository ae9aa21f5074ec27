/*
 * The BCD adjusts over every AL with each combination of CF and AF in: daa das (AL, flags),
 * aaa aas (AX, flags, with AH 0 and 0xff), aam (AX by bases 10, 16, 7 and 1) and aad (every AX
 * byte pair in a sample, bases 10, 16, 7). Intel leaves OF (and for aaa/aas SF ZF PF, for aam/aad
 * CF AF OF) undefined: qemu-i386's values are the reference. aam 0 is de-aam-zero.c.
 */
#include "insn.h"

static const uint32_t carry_flags[] = { 0x002, 0x003, 0x012, 0x013, 0x8c6 };

#define ADJUST(name, insn, ah)                                                                       \
    static void name(void) {                                                                         \
        for (unsigned al = 0; al < 256; al++)                                                        \
            for (unsigned k = 0; k < COUNT(carry_flags); k++) {                                      \
                uint32_t eax = 0x12340000u | (ah) << 8 | al, f = carry_flags[k];                     \
                __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn "\n\tpushfl\n\tpopl %[f]"             \
                                 : "+a"(eax), [f] "+r"(f) : : "cc");                                 \
                printf(#name " %04x %03x -> %08x %03x\n", (ah) << 8 | al, carry_flags[k], eax, f & FLAG_MASK); \
            }                                                                                        \
    }
ADJUST(daa, "daa", 0x56) ADJUST(das, "das", 0x56) ADJUST(aaa, "aaa", 0) ADJUST(aas, "aas", 0)
ADJUST(aaa_ah_ff, "aaa", 0xff) ADJUST(aas_ah_ff, "aas", 0xff)

#define ASCII_BASE(name, insn, base)                                                                 \
    static void name(void) {                                                                         \
        for (unsigned ax = 0; ax < 0x10000; ax += 0x1ff) {                                           \
            uint32_t eax = 0x12340000u | ax, f = input_flags[(ax >> 9) & 1];                         \
            __asm__ volatile("pushl %[f]\n\tpopfl\n\t" insn " $" #base "\n\tpushfl\n\tpopl %[f]"      \
                             : "+a"(eax), [f] "+r"(f) : : "cc");                                     \
            printf(#name " %04x %03x -> %08x %03x\n", ax, input_flags[(ax >> 9) & 1], eax, f & FLAG_MASK); \
        }                                                                                            \
    }
ASCII_BASE(aam10, "aam", 10) ASCII_BASE(aam16, "aam", 16) ASCII_BASE(aam7, "aam", 7) ASCII_BASE(aam1, "aam", 1)
ASCII_BASE(aad10, "aad", 10) ASCII_BASE(aad16, "aad", 16) ASCII_BASE(aad7, "aad", 7) ASCII_BASE(aad0, "aad", 0)

int main(void) {
    daa(); das(); aaa(); aas(); aaa_ah_ff(); aas_ah_ff();
    aam10(); aam16(); aam7(); aam1(); aad10(); aad16(); aad7(); aad0();
    return 0;
}
