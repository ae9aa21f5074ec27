using RuntimeLab.X86.Cpu;

namespace RuntimeLab.X86.Fpu;

/// <summary>
/// The answers of QEMU 7.2's FPATAN, FYL2X and FYL2XP1 that follow from a rule, not from its
/// approximation algorithms, so the emulator can give them exactly while the host's x87 computes the
/// rest (<see cref="Transcendental"/>).
/// </summary>
internal static unsafe class QemuRules
{
    private const ulong QuietBit = 1UL << 62;

    public static bool IsFinite(Float80 value) => value.Exponent != Float80.ExponentMask;

    private static bool IsSignaling(Float80 value) => value.IsNaN && (value.Significand & QuietBit) == 0;

    /// <summary>
    /// With a NaN operand QEMU returns a signaling NaN first (made quiet, raising invalid), ST(0)'s
    /// before ST(1)'s, and of two quiet NaNs ST(0)'s: where the hardware picks the larger
    /// significand. Null when neither operand is a NaN, or only one is and it is quiet: then the
    /// host gives QEMU's answer already.
    /// </summary>
    public static Float80? NaNOperand(CpuState* s, Float80 st0, Float80 st1)
    {
        if (IsSignaling(st0) || IsSignaling(st1))
        {
            X87.SetFlags(s, FpuStatus.IE);
            var signaling = IsSignaling(st0) ? st0 : st1;
            return new Float80(signaling.Significand | QuietBit, signaling.SignExponent);
        }
        return st0.IsNaN && st1.IsNaN ? st0 : null;
    }

    /// <summary>
    /// log2 of a positive power of two other than 1 (denormals included), as an extended value: the
    /// integer k with x = 2^k. FYL2X is then y·k, one exact multiplication, which is inexact (or
    /// underflows) only when the product is; the hardware's FYL2X reports those results inexact.
    /// </summary>
    public static Float80? ExactLog2(Float80 x)
    {
        if (x.IsNegative || x.IsZero || !IsFinite(x) || (x.Significand & (x.Significand - 1)) != 0) return null;
        if (x.Exponent != 0 && x.Significand != Float80.IntegerBit) return null; // an unnormal: the host's invalid
        // A normal 2^k has k = exponent - bias; a denormal holds sig · 2^(1 - bias - 63).
        var k = x.Exponent != 0 ? x.Exponent - 16383 : System.Numerics.BitOperations.Log2(x.Significand) - 16445;
        return k == 0 ? null : Float80.FromDouble(k);
    }
}
