using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Fpu;

/// <summary>An x87 binary operation as a type: which host operation computes it, and whether its operands are swapped (FSUBR, FDIVR).</summary>
public interface IFpuBinary
{
    static abstract HostOp Operation { get; }
    static abstract bool Reversed { get; }
}

public struct FAdd : IFpuBinary { public static HostOp Operation => HostOp.Add; public static bool Reversed => false; }
public struct FSub : IFpuBinary { public static HostOp Operation => HostOp.Subtract; public static bool Reversed => false; }
public struct FSubR : IFpuBinary { public static HostOp Operation => HostOp.Subtract; public static bool Reversed => true; }
public struct FMul : IFpuBinary { public static HostOp Operation => HostOp.Multiply; public static bool Reversed => false; }
public struct FDiv : IFpuBinary { public static HostOp Operation => HostOp.Divide; public static bool Reversed => false; }
public struct FDivR : IFpuBinary { public static HostOp Operation => HostOp.Divide; public static bool Reversed => true; }

/// <summary>FADD FSUB FSUBR FMUL FDIV FDIVR in all forms, and the one-operand arithmetic: FCHS FABS FSQRT FRNDINT FSCALE FXTRACT FPREM FPREM1.</summary>
public static unsafe class Arithmetic
{
    private static Float80 Apply<TOp>(CpuState* s, Float80 destination, Float80 source) where TOp : struct, IFpuBinary =>
        TOp.Reversed ? X87.Binary(s, TOp.Operation, source, destination) : X87.Binary(s, TOp.Operation, destination, source);

    /// <summary>ST(0) = ST(0) op source (a register or memory in any format; FIADD … included).</summary>
    public static void ToTop<TOp, TSrc>(CpuState* s, DecodedOp* op) where TOp : struct, IFpuBinary where TSrc : struct, IFpuSource
    {
        var source = TSrc.Read(s, op);
        X87.Write(s, 0, Apply<TOp>(s, X87.Read(s, 0), source));
    }

    /// <summary>ST(i) = ST(i) op ST(0), and FADDP … pop afterwards.</summary>
    public static void ToRegister<TOp, TPop>(CpuState* s, DecodedOp* op) where TOp : struct, IFpuBinary where TPop : struct, IPop
    {
        X87.NoteInstruction(s, op);
        var destination = X87.Read(s, op->Extra);
        X87.Write(s, op->Extra, Apply<TOp>(s, destination, X87.Read(s, 0)));
        if (TPop.Pops) X87.Pop(s);
    }

    public static void ChangeSign(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        X87.Write(s, 0, X87.Read(s, 0).Negated());
        s->Fpu.Status &= unchecked((ushort)~FpuStatus.C1);
    }

    public static void Absolute(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        X87.Write(s, 0, X87.Read(s, 0).Absolute());
        s->Fpu.Status &= unchecked((ushort)~FpuStatus.C1);
    }

    /// <summary>FSQRT, FRNDINT: ST(0) = f(ST(0)) on the host; the operation is in Imm.</summary>
    public static void UnaryOnTop(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        var operand = X87.Read(s, 0);
        X87.Write(s, 0, X87.Unary(s, (HostOp)op->Imm, operand));
        // Intel leaves C0, C2 and C3 undefined after FSQRT. qemu-i386 (the reference) sets C2 and clears
        // the others for any negative operand, -0 and negative NaNs included; so do we.
        if ((HostOp)op->Imm == HostOp.SquareRoot && operand.IsNegative) X87.SetConditions(s, FpuStatus.C2);
    }

    /// <summary>FSCALE: ST(0) = ST(0) · 2^trunc(ST(1)).</summary>
    public static void Scale(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        var top = X87.Read(s, 0);
        X87.Write(s, 0, X87.Binary(s, HostOp.Scale, top, X87.Read(s, 1)));
    }

    /// <summary>FPREM / FPREM1: the partial remainder replaces ST(0); C0, C3, C1 get the low quotient bits and C2 says "not finished".</summary>
    public static void PartialRemainder(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        var dividend = X87.Read(s, 0);
        var result = X87.Binary(s, (HostOp)op->Imm, dividend, X87.Read(s, 1));
        // A NaN result (a NaN, infinite or zero-divisor operand) leaves the quotient bits undefined, and the
        // host's x87 leaves stale ones, so the build mattered; qemu-i386 clears C0-C3 then, and so do we.
        X87.SetConditions(s, result.IsNaN ? (ushort)0 : s->Fpu.Host.Status);
        X87.Write(s, 0, result);
    }

    /// <summary>FXTRACT: ST(0) becomes the exponent and the significand is pushed above it.</summary>
    public static void Extract(CpuState* s, DecodedOp* op)
    {
        X87.NoteInstruction(s, op);
        s->Fpu.Host.A = X87.Read(s, 0);
        var frame = X87.Host(s, HostOp.Extract);
        var significand = frame->Result;
        X87.Write(s, 0, frame->Result2);
        X87.Push(s, significand);
    }
}
