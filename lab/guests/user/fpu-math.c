/* libm on x87: glibc's i386 libm computes some functions in software and some with x87
 * transcendental instructions; and those instructions called directly. Values whose last bits
 * depend on the algorithm (F2XM1 FYL2X FYL2XP1 FPATAN: QEMU's own softfloat versus the host's x87)
 * are printed to 15 significant digits; FSIN FCOS FSINCOS FPTAN, which QEMU computes through the
 * host's double libm as the emulator does, are printed exactly. */
#include <math.h>
#include <stdio.h>

static volatile double xs[] = {0.5, -1.25, 2.0, 10.0, 1e-5, 100.75, 3.14159};

static long double fsin(long double x) { long double r; __asm__ volatile("fsin" : "=t"(r) : "0"(x)); return r; }
static long double fcos(long double x) { long double r; __asm__ volatile("fcos" : "=t"(r) : "0"(x)); return r; }
static long double fptan(long double x) { long double r, one; __asm__ volatile("fptan" : "=t"(one), "=u"(r) : "0"(x)); return r * one; }
static long double fpatan(long double y, long double x) { long double r; __asm__ volatile("fpatan" : "=t"(r) : "0"(x), "u"(y) : "st(1)"); return r; }
static long double f2xm1(long double x) { long double r; __asm__ volatile("f2xm1" : "=t"(r) : "0"(x)); return r; }
static long double fyl2x(long double y, long double x) { long double r; __asm__ volatile("fyl2x" : "=t"(r) : "0"(x), "u"(y) : "st(1)"); return r; }
static long double fyl2xp1(long double y, long double x) { long double r; __asm__ volatile("fyl2xp1" : "=t"(r) : "0"(x), "u"(y) : "st(1)"); return r; }

int main(void)
{
    for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++)
    {
        double x = xs[i];
        printf("x=%g\n", x);
        printf("  sin %.15g cos %.15g tan %.15g atan %.15g atan2 %.15g\n", sin(x), cos(x), tan(x), atan(x), atan2(x, 0.75));
        printf("  exp %.15g log %.15g log10 %.15g log2 %.15g pow %.15g\n", exp(x), log(fabs(x)), log10(fabs(x)), log2(fabs(x)), pow(fabs(x), 1.7));
        printf("  sinh %.15g cbrt %.15g hypot %.15g expm1 %.15g log1p %.15g\n", sinh(x), cbrt(x), hypot(x, 3.0), expm1(x), log1p(fabs(x)));
        printf("  sinl %.15Lg cosl %.15Lg expl %.15Lg logl %.15Lg atan2l %.15Lg\n", sinl(x), cosl(x), expl(x), logl(fabsl(x)), atan2l(x, 2.0L));
        printf("  fsin %La fcos %La fptan %La\n", fsin(x), fcos(x), fptan(x));
        printf("  fpatan %.15Lg f2xm1 %.15Lg fyl2x %.15Lg fyl2xp1 %.15Lg\n", fpatan(x, 0.5L), f2xm1(x / 16.0), fyl2x(1.5L, fabsl(x)), fyl2xp1(2.0L, x / 8.0));
    }
    long double s, c;
    __asm__ volatile("fsincos" : "=t"(c), "=u"(s) : "0"(0.75L));
    printf("fsincos %La %La\n", s, c);
    unsigned short sw;
    long double big = 0x1p64L, r;
    __asm__ volatile("fsin\n\tfnstsw %1" : "=t"(r), "=m"(sw) : "0"(big));
    printf("fsin 2^64: %La c2 %x\n", r, sw & 0x400);
    printf("float: %.7g %.7g %.7g\n", (double)sinf(0.5f), (double)expf(1.5f), (double)logf(7.0f));
    return 0;
}
