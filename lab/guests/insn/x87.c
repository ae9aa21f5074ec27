/*
 * x87 edge cases: arithmetic, comparisons, fprem/fprem1, fxam, fxtract, fscale and the
 * transcendentals computed through double precision (fsin fcos fptan fsincos; see x87-extended.c for
 * the others) over zeros, normals, denormals, unnormals, infinities and NaNs; the rounding
 * modes on fadd/fdiv/fsqrt/frndint/fist; precision control; fxam of an empty register. Values print as 80-bit bit patterns (sign+exponent:significand), with the
 * status word after the operation (C0-C3, TOP, SF and the exception flags).
 */
#include "x87.h"
BINARY(fadd, "fadd %%st(1), %%st") BINARY(fsub, "fsub %%st(1), %%st") BINARY(fmul, "fmul %%st(1), %%st")
BINARY(fdiv, "fdiv %%st(1), %%st") BINARY(fprem, "fprem") BINARY(fprem1, "fprem1")
/* fscale of two NaNs: qemu-i386 returns ST(1)'s, the hardware (and RuntimeLab, which runs it on the host's x87) the larger significand. */
BINARY_EXCEPT(fscale, "fscale", is_nan(values[i]) && is_nan(values[j]))
BINARY(fcom, "fcom %%st(1)") BINARY(fucom, "fucom %%st(1)")
UNARY(fsqrt, "fsqrt") UNARY(frndint, "frndint") UNARY(fxtract, "fxtract") UNARY(fxam, "fxam")
UNARY(ftst, "ftst") UNARY(fsin, "fsin") UNARY(fcos, "fcos") UNARY(fptan, "fptan")
UNARY(fsincos, "fsincos") UNARY(fchs, "fchs") UNARY(fabs_, "fabs")

/* fcomi/fucomi set ZF PF CF in EFLAGS. They clear OF SF AF too, but qemu-i386 leaves those alone: only ZF PF CF are compared. */
#define COMPARE_EFLAGS(name, op)                                                                     \
    static void name(void) {                                                                         \
        for (unsigned i = 0; i < VALUE_COUNT; i++)                                                   \
            for (unsigned j = 0; j < VALUE_COUNT; j++) {                                             \
                uint32_t eflags; uint16_t sw;                                                        \
                __asm__ volatile("fninit\n\tfldt %[y]\n\tfldt %[x]\n\tpushl $0x8d5\n\tpopfl\n\t" op   \
                                 "\n\tpushfl\n\tpopl %[f]\n\tfnstsw %[s]\n\tfninit"                 \
                                 : [f] "=r"(eflags), [s] "=m"(sw) : [x] "m"(values[i]), [y] "m"(values[j]) \
                                 : "cc", "memory");                                                  \
                printf(#name); print_f80("", values[i]); print_f80("", values[j]);                   \
                printf(" -> %03x sw %04x\n", eflags & 0x045, sw & status_mask);                                   \
            }                                                                                        \
    }
COMPARE_EFLAGS(fcomi, "fcomi %%st(1), %%st") COMPARE_EFLAGS(fucomi, "fucomi %%st(1), %%st")

/* Rounding control (bits 10-11) on inexact results, at 64-bit precision; then precision control. */
static const uint16_t control_words[] = { 0x037f, 0x077f, 0x0b7f, 0x0f7f, 0x007f, 0x027f, 0x0c7f, 0x047f };
#define CW_COUNT (sizeof control_words / sizeof control_words[0])
static const f80 rounded[] = {
    { 0xa000000000000000ull, 0x4000 }, /* 2.5 */
    { 0xa000000000000000ull, 0xc000 }, /* -2.5 */
    { 0xc000000000000000ull, 0x3fff }, /* 1.5 */
    { 0x8000000000000000ull, 0xbffe }, /* -0.5 */
    { 0xaaaaaaaaaaaaaaabull, 0x3ffd }, /* 1/3 */
    { 0xeccccccccccccccdull, 0x4000 }, /* 3.7 */
    { 0x8000000000000001ull, 0x403e }, /* 2^63 + 1: an integer only at 64-bit precision */
    { 0xc90fdaa22168c235ull, 0x4020 }, /* pi * 2^33: out of int32 range */
    { 0xfffe000000000000ull, 0x400e }, /* 32767: in int16 range */
    { 0x8000000000000000ull, 0x400f }, /* 32768: out of int16 range */
};
#define ROUNDED_COUNT (sizeof rounded / sizeof rounded[0])

/*
 * PC_APPLIES: whether the op is run under reduced precision control too. Intel applies precision
 * control to add, subtract, multiply, divide and square root only; qemu-i386 rounds frndint's
 * result to it as well, so frndint runs at 64-bit precision only.
 */
#define ROUNDING(name, op, pc_applies)                                                               \
    static void name(void) {                                                                         \
        for (unsigned c = 0; c < CW_COUNT; c++)                                                      \
            for (unsigned i = 0; i < ROUNDED_COUNT; i++) {                                           \
                if (!(pc_applies) && (control_words[c] & 0x300) != 0x300) continue;                  \
                f80 r0, r1; uint16_t sw;                                                             \
                RUN(op, control_words[c], rounded[i], values[6], r0, r1, sw);                        \
                printf(#name " cw %04x", control_words[c]); print_f80("", rounded[i]);               \
                print_f80("-> ", r0); printf(" sw %04x\n", sw & status_mask);                       \
            }                                                                                        \
    }
ROUNDING(rc_frndint, "frndint", 0) ROUNDING(rc_fdiv, "fdiv %%st(1), %%st", 1) ROUNDING(rc_fsqrt, "fsqrt", 1)
ROUNDING(rc_fadd, "fadd %%st(1), %%st", 1) ROUNDING(rc_fmul, "fmul %%st(0), %%st", 1)

/* fist at 16, 32 and 64 bits under each rounding mode: out of range stores the integer indefinite. */
static void rc_fist(void) {
    for (unsigned c = 0; c < CW_COUNT; c++)
        for (unsigned i = 0; i < ROUNDED_COUNT; i++) {
            int16_t i16; int32_t i32; int64_t i64; uint16_t sw;
            __asm__ volatile("fninit\n\tfldcw %[c]\n\tfldt %[x]\n\tfists %[a]\n\tfistl %[b]\n\tfistpll %[d]\n\t"
                             "fnstsw %[s]\n\tfninit"
                             : [a] "=m"(i16), [b] "=m"(i32), [d] "=m"(i64), [s] "=m"(sw)
                             : [c] "m"(control_words[c]), [x] "m"(rounded[i]) : "memory");
            printf("fist cw %04x", control_words[c]); print_f80("", rounded[i]);
            printf(" -> %04x %08x %016llx sw %04x\n", (uint16_t)i16, (uint32_t)i32, (unsigned long long)i64, sw & status_mask);
        }
}

/*
 * Stack faults: qemu-i386 (7.2) detects neither overflow nor underflow (a ninth push overwrites
 * the oldest register with no IE/SF, an empty register reads its stale value), so it is no oracle
 * for them; only fxam of an empty register, which it does report, is compared here.
 */
static void empty_register(void) {
    uint16_t sw;
    __asm__ volatile("fninit\n\tfxam\n\tfnstsw %[s]\n\tfninit" : [s] "=m"(sw) :: "memory");
    printf("fxam empty sw %04x\n", sw & status_mask);
}

int main(void) {
    fadd(); fsub(); fmul(); fdiv();
    status_mask = (uint16_t)~DE; fprem();
    status_mask = (uint16_t)~(DE | C0 | C1 | C3); fprem1();
    status_mask = (uint16_t)~(DE | C1);
    fscale(); fcom(); fucom(); fcomi(); fucomi();
    fsqrt(); frndint(); fxtract(); fxam(); ftst(); fsin(); fcos(); fptan(); fsincos(); fchs(); fabs_();
    rc_frndint(); rc_fdiv(); rc_fsqrt(); rc_fadd(); rc_fmul(); rc_fist();
    empty_register();
    return 0;
}
