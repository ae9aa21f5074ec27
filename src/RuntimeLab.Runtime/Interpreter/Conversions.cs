using RuntimeLab.Bytecode.Importing;

namespace RuntimeLab.Runtime.Interpreter;

/// <summary>Targets of conv.* instructions.</summary>
public enum ConvTarget : byte { I1, U1, I2, U2, I4, U4, I8, U8, I, U, R4, R8, RUn }

/// <summary>Packs a conversion's source kind, target and checking into one int for <see cref="Op.Convert"/>.</summary>
public static class ConversionCode
{
    public static int Make(StackKind source, ConvTarget target, bool overflowChecked, bool unsignedSource) =>
        (int)source | (int)target << 8 | (overflowChecked ? 1 << 16 : 0) | (unsignedSource ? 1 << 17 : 0);

    public static StackKind Source(int code) => (StackKind)(code & 0xff);
    public static ConvTarget Target(int code) => (ConvTarget)((code >> 8) & 0xff);
    public static bool Checked(int code) => (code & (1 << 16)) != 0;
    public static bool UnsignedSource(int code) => (code & (1 << 17)) != 0;
}

/// <summary>
/// The general conversion, with exact CIL semantics: truncation for unchecked integer targets,
/// OverflowException for checked ones, and for floating-point sources what CoreCLR on x64 does
/// (.NET 9 and later saturate: NaN → 0, out of range → the nearest bound).
/// </summary>
public static unsafe class Conversions
{
    public static void Convert(long* dst, long* src, int code)
    {
        var source = ConversionCode.Source(code);
        var target = ConversionCode.Target(code);
        var check = ConversionCode.Checked(code);
        var unsignedSource = ConversionCode.UnsignedSource(code);
        if (source is StackKind.Float32 or StackKind.Float64)
        {
            var d = source == StackKind.Float32 ? *(float*)src : *(double*)src;
            FromFloat(dst, d, target, check);
            return;
        }
        var value = *src; // int32 sources are sign-extended in their slots
        if (source == StackKind.Int32 && unsignedSource) value = (uint)value;
        switch (target)
        {
            case ConvTarget.R4:
                *(float*)dst = unsignedSource ? (float)(ulong)value : source == StackKind.Int32 ? (int)value : (float)value;
                return;
            case ConvTarget.R8:
                *(double*)dst = source == StackKind.Int32 ? (int)value : value;
                return;
            case ConvTarget.RUn:
                *(double*)dst = source == StackKind.Int32 ? (uint)value : (double)(ulong)value;
                return;
        }
        if (check) CheckRange(value, target, unsignedSource || false, source);
        *dst = Truncate(value, target);
    }

    private static long Truncate(long value, ConvTarget target) => target switch
    {
        ConvTarget.I1 => (sbyte)value,
        ConvTarget.U1 => (byte)value,
        ConvTarget.I2 => (short)value,
        ConvTarget.U2 => (ushort)value,
        ConvTarget.I4 => (int)value,
        ConvTarget.U4 => (int)(uint)value, // an int32 on the stack, kept sign-extended
        _ => value,
    };

    private static void CheckRange(long value, ConvTarget target, bool unsignedSource, StackKind source)
    {
        // Unsigned sources are compared as ulong; a 32-bit unsigned source was zero-extended above.
        if (unsignedSource)
        {
            var u = (ulong)value;
            ulong max = target switch
            {
                ConvTarget.I1 => (ulong)sbyte.MaxValue, ConvTarget.U1 => byte.MaxValue, ConvTarget.I2 => (ulong)short.MaxValue,
                ConvTarget.U2 => ushort.MaxValue, ConvTarget.I4 => (ulong)int.MaxValue, ConvTarget.U4 => uint.MaxValue,
                ConvTarget.I8 or ConvTarget.I => (ulong)long.MaxValue, _ => ulong.MaxValue,
            };
            if (u > max) throw new ManagedRuntimeError(RuntimeErrorKind.Overflow);
            return;
        }
        var (min, maxSigned) = target switch
        {
            ConvTarget.I1 => ((long)sbyte.MinValue, (long)sbyte.MaxValue), ConvTarget.U1 => (0L, (long)byte.MaxValue),
            ConvTarget.I2 => ((long)short.MinValue, (long)short.MaxValue), ConvTarget.U2 => (0L, (long)ushort.MaxValue),
            ConvTarget.I4 => ((long)int.MinValue, (long)int.MaxValue), ConvTarget.U4 => (0L, (long)uint.MaxValue),
            ConvTarget.U8 or ConvTarget.U => (0L, long.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        if (value < min || value > maxSigned) throw new ManagedRuntimeError(RuntimeErrorKind.Overflow);
    }

    private static void FromFloat(long* dst, double d, ConvTarget target, bool check)
    {
        switch (target)
        {
            case ConvTarget.R4: *(float*)dst = (float)d; return;
            case ConvTarget.R8: case ConvTarget.RUn: *(double*)dst = d; return;
        }
        if (check)
        {
            var t = Math.Truncate(d);
            var ok = !double.IsNaN(d) && target switch
            {
                ConvTarget.I1 => t >= sbyte.MinValue && t <= sbyte.MaxValue,
                ConvTarget.U1 => t >= 0 && t <= byte.MaxValue,
                ConvTarget.I2 => t >= short.MinValue && t <= short.MaxValue,
                ConvTarget.U2 => t >= 0 && t <= ushort.MaxValue,
                ConvTarget.I4 => t >= int.MinValue && t <= int.MaxValue,
                ConvTarget.U4 => t >= 0 && t <= uint.MaxValue,
                ConvTarget.I8 or ConvTarget.I => t >= -9223372036854775808.0 && t < 9223372036854775808.0,
                _ => t >= 0 && t < 18446744073709551616.0,
            };
            if (!ok) throw new ManagedRuntimeError(RuntimeErrorKind.Overflow);
        }
        // C#'s own casts saturate on .NET 9+, as CoreCLR's conv.* do on x64.
        *dst = target switch
        {
            ConvTarget.I1 => (sbyte)(int)d, ConvTarget.U1 => (byte)(int)d,
            ConvTarget.I2 => (short)(int)d, ConvTarget.U2 => (ushort)(int)d,
            ConvTarget.I4 => (int)d, ConvTarget.U4 => (int)(uint)d,
            ConvTarget.I8 or ConvTarget.I => (long)d,
            _ => (long)(ulong)d,
        };
    }
}
