using System.Runtime.InteropServices;

namespace RuntimeLab.X86.Fpu;

/// <summary>
/// An x87 extended-precision value as the hardware stores it: a 64-bit significand with an explicit
/// integer bit, then sign and 15-bit biased exponent. C# has no arithmetic on it; the emulator only
/// moves and classifies these bits, and the host's x87 computes with them (<see cref="X87Host"/>).
/// In memory it takes 10 bytes; in the register file each value has a 16-byte slot.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct Float80
{
    public ulong Significand;
    public ushort SignExponent;

    public const ushort ExponentMask = 0x7FFF;
    public const ulong IntegerBit = 1UL << 63;

    public Float80(ulong significand, ushort signExponent)
    {
        Significand = significand;
        SignExponent = signExponent;
    }

    public readonly bool IsNegative => (SignExponent & 0x8000) != 0;
    public readonly int Exponent => SignExponent & ExponentMask;
    public readonly bool IsZero => Exponent == 0 && Significand == 0;
    public readonly bool IsNaN => Exponent == ExponentMask && (Significand << 1) != 0;
    public readonly bool IsInfinity => Exponent == ExponentMask && (Significand << 1) == 0;

    public static readonly Float80 Zero = new(0, 0);
    public static readonly Float80 One = new(IntegerBit, 0x3FFF);
    /// <summary>The QNaN "real indefinite": what a masked invalid operation produces.</summary>
    public static readonly Float80 Indefinite = new(0xC000_0000_0000_0000, 0xFFFF);

    public readonly Float80 Negated() => new(Significand, (ushort)(SignExponent ^ 0x8000));
    public readonly Float80 Absolute() => new(Significand, (ushort)(SignExponent & ExponentMask));

    /// <summary>A double widened exactly (denormals normalized, NaNs kept quiet or signaling as they are, as softfloat's float64_to_floatx80 does for quiet ones).</summary>
    public static Float80 FromDouble(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        var sign = (ushort)((bits >> 48) & 0x8000);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0x000F_FFFF_FFFF_FFFF;
        if (exponent == 0x7FF) return new Float80(IntegerBit | (fraction << 11), (ushort)(sign | ExponentMask));
        if (exponent == 0)
        {
            if (fraction == 0) return new Float80(0, sign);
            var shift = System.Numerics.BitOperations.LeadingZeroCount(fraction) - 11;
            return new Float80(fraction << (11 + shift), (ushort)(sign | (0x3FFF - 1022 - shift)));
        }
        return new Float80(IntegerBit | (fraction << 11), (ushort)(sign | (exponent - 1023 + 0x3FFF)));
    }

    public override readonly string ToString() => $"{SignExponent:X4}:{Significand:X16}";
}
