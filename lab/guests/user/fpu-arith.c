/* x87 arithmetic as gcc -m32 uses it: double, float and long double, conversions, rounding modes,
 * precision control, sqrt and fmod, NaN and infinity rules, exception flags, and a few x87
 * instructions called directly. Every value is printed exactly (%.17g, %a, %La). */
#include <fenv.h>
#include <fpu_control.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static volatile double vd[] = {0.1, 1.0 / 3.0, 2.5, -7.25, 1e300, 1e-300, 4.9e-324, 123456789.125, -0.0, 0.0};
static volatile float vf[] = {0.1f, 3.0f, -1.5f, 1e30f, 1e-40f};
static volatile long double vl[] = {0.1L, 1.0L / 3.0L, 1e4000L, 1e-4000L, 3.0L};

static void show_flags(const char *what)
{
    int f = fetestexcept(FE_ALL_EXCEPT);
    printf("%s:%s%s%s%s%s\n", what, f & FE_INVALID ? " invalid" : "", f & FE_DIVBYZERO ? " divbyzero" : "",
           f & FE_OVERFLOW ? " overflow" : "", f & FE_UNDERFLOW ? " underflow" : "", f & FE_INEXACT ? " inexact" : "");
    feclearexcept(FE_ALL_EXCEPT);
}

static void doubles(void)
{
    int n = sizeof vd / sizeof vd[0];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j += 3)
            printf("d %d %d: %.17g %.17g %.17g %a\n", i, j, vd[i] + vd[j], vd[i] - vd[j], vd[i] * vd[j], vd[i] / (vd[j] + 1.5));
    /* Double rounding: the product is rounded to 64 bits in ST(0), then to 53 when stored. */
    volatile double x = 1.0 + 0x1p-52, y = 1.0 - 0x1p-53;
    volatile double p = x * y;
    printf("double rounding: %a\n", p);
}

static void floats(void)
{
    int n = sizeof vf / sizeof vf[0];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
        {
            volatile float s = vf[i] + vf[j], q = vf[i] / vf[j];
            printf("f %d %d: %a %a %.9g\n", i, j, s, q, (double)(vf[i] * vf[j]));
        }
}

static void long_doubles(void)
{
    int n = sizeof vl / sizeof vl[0];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            printf("l %d %d: %La %La %.21Lg\n", i, j, vl[i] * vl[j], vl[i] - vl[j], vl[i] / vl[j]);
    printf("sqrtl(2) = %La, sqrtl(3) = %.21Lg\n", sqrtl(2.0L), sqrtl(vl[4]));
}

static void conversions(void)
{
    static volatile double sources[] = {2.5, 3.5, -2.5, -3.5, 2.4999, -0.5, 1e10, -1e10, 4294967295.9, 9.3e18, -9.3e18, 1e19};
    static const int modes[] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};
    static const char *names[] = {"nearest", "down", "up", "zero"};
    for (int m = 0; m < 4; m++)
    {
        fesetround(modes[m]);
        printf("%s:", names[m]);
        for (unsigned k = 0; k < sizeof sources / sizeof sources[0]; k++)
            printf(" %ld/%lld/%d", lrint(sources[k]), llrint(sources[k]), (int)sources[k]);
        printf("\n  1/3 = %a, 2/3f = %a, -1/3 = %a, rint(2.5) = %g, nearbyint(-2.5) = %g\n",
               1.0 / vd[1] / 9.0, (double)(2.0f / vf[1]), -vd[1] / 1.0, rint(vd[2]), nearbyint(-vd[2]));
    }
    fesetround(FE_TONEAREST);
    volatile int i32 = -123456789;
    volatile long long i64 = 9007199254740993LL;
    volatile short i16 = -32768;
    printf("int->fp: %.17g %.17g %a %La\n", (double)i32, (double)i64, (double)(float)i64, (long double)i64);
    printf("fp->int: %d %lld %d %u\n", (int)-2.99, (long long)-9.2e18, (short)i16, (unsigned)3e9);
    printf("out of range: %d %lld\n", (int)vd[4], (long long)vd[4]);
    feclearexcept(FE_ALL_EXCEPT);
}

static void precision_control(void)
{
    fpu_control_t saved, cw;
    _FPU_GETCW(saved);
    printf("initial control word %#x\n", saved);
    static const fpu_control_t precisions[] = {_FPU_EXTENDED, _FPU_DOUBLE, _FPU_SINGLE};
    for (int k = 0; k < 3; k++)
    {
        cw = (saved & ~_FPU_EXTENDED) | precisions[k];
        _FPU_SETCW(cw);
        volatile long double third = vl[4];
        third = 1.0L / third;
        volatile long double sum = vl[0] + vl[1];
        printf("pc %d: %La %La\n", k, third, sum);
    }
    _FPU_SETCW(saved);
}

static void specials(void)
{
    volatile double zero = 0.0, inf = INFINITY, nan = NAN;
    feclearexcept(FE_ALL_EXCEPT);
    printf("%g %g %g %g\n", 1.0 / zero, -1.0 / zero, inf - inf, zero / zero);
    show_flags("after inf/nan");
    printf("%d %d %d %d %d\n", nan == nan, nan < 1.0, inf > 1e308, isnan(zero / zero), isinf(-inf));
    printf("%g %g %g\n", fmod(10.0, 3.0), fmod(-10.5, 3.0), fmod(1e300, 7.0));
    printf("%La %La\n", fmodl(1e4000L, 3.0L), remainderl(10.0L, 4.0L));
    printf("sqrt(-1) = %g, sqrt(2) = %.17g\n", sqrt(-vd[2]), sqrt(2.0 + zero));
    show_flags("after sqrt(-1)");
    volatile double big = 1e308, tiny = 1e-308;
    volatile double o = big * 10.0, u = tiny / 1e10;
    printf("%g %g\n", o, u);
    show_flags("after overflow/underflow");
    volatile double inexact = vd[1] * 3.0;
    printf("%.17g\n", inexact);
    show_flags("after 1/3*3");
}

static void direct(void)
{
    long double r;
    unsigned short sw;
    /* FSCALE, FXTRACT, FPREM, FRNDINT, FXAM through inline assembly. */
    static volatile double scales[] = {10.0, -3.7, 1e300, -20000.0};
    for (int k = 0; k < 4; k++)
    {
        __asm__ volatile("fldl %2\n\tfldl %1\n\tfscale\n\tfstp %%st(1)" : "=t"(r) : "m"(vd[2]), "m"(scales[k]));
        printf("fscale: %La\n", r);
    }
    long double mant, expo;
    __asm__("fxtract" : "=t"(mant), "=u"(expo) : "0"((long double)vd[7]));
    printf("fxtract: %La %La\n", mant, expo);
    long double a = 100.5L, b = 7.0L, rem;
    __asm__("1: fprem\n\tfnstsw %%ax\n\ttestw $0x400, %%ax\n\tjnz 1b" : "=t"(rem), "=a"(sw) : "0"(a), "u"(b));
    printf("fprem: %La quotient bits %x\n", rem, sw & 0x4300);
    __asm__("fprem1\n\tfnstsw %%ax" : "=t"(rem), "=a"(sw) : "0"(a), "u"(b));
    printf("fprem1: %La c2 %x\n", rem, sw & 0x400);
    static const long double samples[] = {1.0L, -0.0L, 1e-4940L};
    for (int k = 0; k < 3; k++)
    {
        __asm__("fldt %1\n\tfxam\n\tfnstsw %0\n\tfstp %%st(0)" : "=m"(sw) : "m"(samples[k]));
        printf("fxam: %x\n", sw & 0x4700);
    }
    volatile double nan = NAN, inf = -INFINITY;
    __asm__("fldl %1\n\tfxam\n\tfnstsw %0\n\tfstp %%st(0)" : "=m"(sw) : "m"(nan));
    printf("fxam nan: %x\n", sw & 0x4700);
    __asm__("fldl %1\n\tfxam\n\tfnstsw %0\n\tfstp %%st(0)" : "=m"(sw) : "m"(inf));
    printf("fxam -inf: %x\n", sw & 0x4700);
    /* Packed BCD round trip. */
    unsigned char bcd[10];
    static const long double packed[] = {-123456789012345678.0L, 1234567890123456789.0L, 42.5L};
    for (int p = 0; p < 3; p++)
    {
        long double back;
        __asm__ volatile("fbstp %0" : "=m"(bcd) : "t"(packed[p]) : "st");
        printf("fbstp:");
        for (int k = 0; k < 10; k++) printf(" %02x", bcd[k]);
        __asm__ volatile("fbld %1" : "=t"(back) : "m"(bcd));
        printf("\nfbld: %.0Lf\n", back);
    }
    /* Constants under two rounding modes. */
    long double pi, l2e, l2t, lg2, ln2;
    static const int rc[] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};
    for (int m = 0; m < 4; m++)
    {
        fesetround(rc[m]);
        __asm__ volatile("fldpi" : "=t"(pi));
        __asm__ volatile("fldl2e" : "=t"(l2e));
        __asm__ volatile("fldl2t" : "=t"(l2t));
        __asm__ volatile("fldlg2" : "=t"(lg2));
        __asm__ volatile("fldln2" : "=t"(ln2));
        printf("constants %d: %La %La %La %La %La\n", m, pi, l2e, l2t, lg2, ln2);
    }
    fesetround(FE_TONEAREST);
    /* The environment image: control word, tags, TOP. */
    unsigned int env[7];
    __asm__("fld1\n\tfldz\n\tfnstenv %0\n\tfstp %%st(0)\n\tfstp %%st(0)" : "=m"(env));
    printf("fnstenv: cw %x sw %x tags %x\n", env[0] & 0xffff, env[1] & 0x3f00, env[2] & 0xffff);
    unsigned char save[108];
    __asm__("fldpi\n\tfnsave %0\n\tfrstor %0\n\tfstp %%st(0)" : "=m"(save));
    printf("fnsave: tags %x st0 %02x%02x\n", save[8] | save[9] << 8, save[28 + 9], save[28 + 8]);
}

int main(void)
{
    doubles();
    floats();
    long_doubles();
    conversions();
    precision_control();
    specials();
    direct();
    return 0;
}
