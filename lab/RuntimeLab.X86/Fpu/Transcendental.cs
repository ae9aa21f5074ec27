using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Fpu;

/// <summary>
/// FSIN FCOS FSINCOS FPTAN the way QEMU 7.2 computes them, so that results match the oracle bit for
/// bit: ST(0) is rounded to a double under the guest's RC, the host's double-precision libm (the same
/// glibc QEMU calls; .NET's Math.Sin and friends call it too) computes the function, and the double is
/// widened back exactly. No exception flags are reported and C1 is left alone; |x| > 2^63 sets C2 and
/// leaves the operand unchanged.
/// F2XM1 FYL2X FYL2XP1 FPATAN run on the host's x87 instead: QEMU 7.2 computes those with extended-
/// precision softfloat algorithms of its own, which (like the hardware) are within an ulp of the exact
/// value but not always the same last bit as the hardware. Where QEMU's answer is decided by a rule
/// rather than by its algorithm, the emulator follows the rule (<see cref="QemuRules"/>): which NaN
/// comes out of two, and no inexact flag for results that are exact.
/// </summary>
public static unsafe class Transcendental
{
    private const double MaxArgument = 9223372036854775808.0; // 2^63, QEMU's MAXTAN

    /// <summary>ST(0) narrowed to a double under the guest's RC, with the flags of that narrowing dropped (QEMU never reports them).</summary>
    private static double ToDouble(CpuState* s, Float80 value)
    {
        var frame = &s->Fpu.Host;
        frame->A = value;
        X87Host.Run(HostOp.StoreFloat64, frame, s->Fpu.Control);
        return BitConverter.UInt64BitsToDouble(frame->ResultBits);
    }

    private static bool InRange(CpuState* s, double x)
    {
        if (x > MaxArgument || x < -MaxArgument)
        {
            s->Fpu.Status |= FpuStatus.C2;
            return false;
        }
        s->Fpu.Status &= unchecked((ushort)~FpuStatus.C2);
        return true;
    }

    public static void Sine(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        var x = ToDouble(s, X87.Read(s, 0));
        if (InRange(s, x)) X87.Write(s, 0, Float80.FromDouble(Math.Sin(x)));
    }

    public static void Cosine(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        var x = ToDouble(s, X87.Read(s, 0));
        if (InRange(s, x)) X87.Write(s, 0, Float80.FromDouble(Math.Cos(x)));
    }

    /// <summary>FSINCOS: ST(0) = sin, then cos pushed.</summary>
    public static void SineCosine(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        var x = ToDouble(s, X87.Read(s, 0));
        if (!InRange(s, x)) return;
        X87.Write(s, 0, Float80.FromDouble(Math.Sin(x)));
        X87.Push(s, Float80.FromDouble(Math.Cos(x)));
    }

    /// <summary>FPTAN: ST(0) = tan, then 1.0 pushed.</summary>
    public static void PartialTangent(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        var x = ToDouble(s, X87.Read(s, 0));
        if (!InRange(s, x)) return;
        X87.Write(s, 0, Float80.FromDouble(Math.Tan(x)));
        X87.Push(s, Float80.One);
    }

    /// <summary>F2XM1: ST(0) = 2^x − 1. Intel leaves |x| &gt; 1 undefined; QEMU (and so the emulator) answers invalid.</summary>
    public static void Exp2Minus1(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        var x = X87.Read(s, 0);
        if (!x.IsNaN && (x.Exponent > 0x3FFF || (x.Exponent == 0x3FFF && x.Significand != Float80.IntegerBit)))
        {
            X87.SetFlags(s, FpuStatus.IE);
            X87.Write(s, 0, Float80.Indefinite);
            return;
        }
        // 2^1 - 1 is exactly 1; the hardware reports it inexact, QEMU does not.
        X87.Write(s, 0, x.SignExponent == Float80.One.SignExponent && x.Significand == Float80.IntegerBit ? x : X87.Unary(s, HostOp.Exp2Minus1, x));
    }

    /// <summary>FYL2X, FYL2XP1, FPATAN (HostOp in Imm): ST(1) = f(ST(1), ST(0)), then pop.</summary>
    public static void IntoSecondAndPop(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        var x = X87.Read(s, 0);
        var y = X87.Read(s, 1);
        var function = (HostOp)op->Imm;
        var result = QemuRules.NaNOperand(s, x, y) is { } nan ? nan
            : function == HostOp.Yl2xp1 && OutsideYl2xp1Domain(x, y) ? InvalidResult(s)
            : function == HostOp.Yl2x && QemuRules.ExactLog2(x) is { } log2 && QemuRules.IsFinite(y) ? X87.Binary(s, HostOp.Multiply, y, log2)
            : X87.Binary(s, function, x, y);
        X87.Write(s, 1, result);
        X87.Pop(s);
    }

    /// <summary>
    /// FYL2XP1 is defined for |x| &lt; 1 − √2/2 (Intel); QEMU accepts AMD's wider √2/2 − 1 .. √2 − 1 and
    /// answers invalid outside it, where the hardware returns an unspecified value. The bounds are QEMU's.
    /// </summary>
    private static bool OutsideYl2xp1Domain(Float80 x, Float80 y)
    {
        if (x.IsNaN || y.IsNaN) return false;
        var limit = x.IsNegative ? 0x95F6_1998_0C43_36F7UL : 0xD413_CCCF_E779_9211UL;
        return x.Exponent > 0x3FFD || (x.Exponent == 0x3FFD && x.Significand > limit);
    }

    private static Float80 InvalidResult(CpuState* s)
    {
        X87.SetFlags(s, FpuStatus.IE);
        return Float80.Indefinite;
    }
}
