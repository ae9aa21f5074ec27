using System.Runtime.CompilerServices;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Interp;

/// <summary>A two-operand arithmetic or logic operation: ADD OR ADC SBB AND SUB XOR CMP TEST.</summary>
public unsafe interface IAluOp
{
    /// <summary>False for CMP and TEST, which only set flags.</summary>
    static abstract bool WritesResult { get; }
    static abstract bool ReadsCarry { get; }
    static abstract uint Apply(uint a, uint b, uint carry);
    /// <summary>The lazy-flags kind at 8 bits (<see cref="CcOp"/>).</summary>
    static abstract CcOp Kind { get; }
}

public struct AddOp : IAluOp { public static bool WritesResult => true; public static bool ReadsCarry => false; public static uint Apply(uint a, uint b, uint c) => a + b; public static CcOp Kind => CcOp.Add8; }
public struct OrOp : IAluOp { public static bool WritesResult => true; public static bool ReadsCarry => false; public static uint Apply(uint a, uint b, uint c) => a | b; public static CcOp Kind => CcOp.Logic8; }
public struct AdcOp : IAluOp { public static bool WritesResult => true; public static bool ReadsCarry => true; public static uint Apply(uint a, uint b, uint c) => a + b + c; public static CcOp Kind => CcOp.Adc8; }
public struct SbbOp : IAluOp { public static bool WritesResult => true; public static bool ReadsCarry => true; public static uint Apply(uint a, uint b, uint c) => a - b - c; public static CcOp Kind => CcOp.Sbb8; }
public struct AndOp : IAluOp { public static bool WritesResult => true; public static bool ReadsCarry => false; public static uint Apply(uint a, uint b, uint c) => a & b; public static CcOp Kind => CcOp.Logic8; }
public struct SubOp : IAluOp { public static bool WritesResult => true; public static bool ReadsCarry => false; public static uint Apply(uint a, uint b, uint c) => a - b; public static CcOp Kind => CcOp.Sub8; }
public struct XorOp : IAluOp { public static bool WritesResult => true; public static bool ReadsCarry => false; public static uint Apply(uint a, uint b, uint c) => a ^ b; public static CcOp Kind => CcOp.Logic8; }
public struct CmpOp : IAluOp { public static bool WritesResult => false; public static bool ReadsCarry => false; public static uint Apply(uint a, uint b, uint c) => a - b; public static CcOp Kind => CcOp.Sub8; }
public struct TestOp : IAluOp { public static bool WritesResult => false; public static bool ReadsCarry => false; public static uint Apply(uint a, uint b, uint c) => a & b; public static CcOp Kind => CcOp.Logic8; }

/// <summary>The two-operand ALU family, specialized per operation, width and operand form.</summary>
public static unsafe class Alu
{
    public static void Binary<TOp, TW, TDst, TSrc>(CpuState* s, DecodedOp* op)
        where TOp : struct, IAluOp where TW : struct, IWidth where TDst : struct, IOperand where TSrc : struct, IOperand
    {
        uint b = TSrc.Read<TW>(s, op) & TW.Mask;
        uint a = TDst.Read<TW>(s, op);
        uint carry = TOp.ReadsCarry ? LazyFlags.Carry(s) : 0;
        uint result = TOp.Apply(a, b, carry) & TW.Mask;
        // The write comes before the flags: if it faults, the instruction left no trace.
        if (TOp.WritesResult) TDst.Write<TW>(s, op, result);
        s->CcOp = LazyFlags.Of(TOp.Kind, TW.Index);
        s->CcDst = result;
        s->CcSrc = b;
        if (TOp.ReadsCarry) s->CcSrc2 = carry;
    }

    /// <summary>The handler for <typeparamref name="TOp"/> at the given width and form.</summary>
    public static Handler Pick<TOp>(int bits, Form form) where TOp : struct, IAluOp => bits switch
    {
        8 => PickForm<TOp, W8>(form),
        16 => PickForm<TOp, W16>(form),
        _ => PickForm<TOp, W32>(form),
    };

    private static Handler PickForm<TOp, TW>(Form form) where TOp : struct, IAluOp where TW : struct, IWidth => form switch
    {
        Form.RR => (Handler)(&Binary<TOp, TW, RegDst, RegSrc>),
        Form.RM => (Handler)(&Binary<TOp, TW, RegDst, MemOperand>),
        Form.MR => (Handler)(&Binary<TOp, TW, MemOperand, RegDst>),
        Form.RI => (Handler)(&Binary<TOp, TW, RegDst, Imm>),
        Form.MI => (Handler)(&Binary<TOp, TW, MemOperand, Imm>),
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };
}

/// <summary>A one-operand operation: INC DEC NEG NOT.</summary>
public unsafe interface IUnaryOp
{
    static abstract uint Apply(uint value);
    /// <summary>INC and DEC leave CF as it was, so they need it before they run.</summary>
    static abstract bool KeepsCarry { get; }
    /// <summary>Records the flags after the result was written; NOT records none.</summary>
    static abstract void SetFlags(CpuState* s, int widthIndex, uint value, uint result, uint carryBefore);
}

public unsafe struct IncOp : IUnaryOp
{
    public static bool KeepsCarry => true;
    public static uint Apply(uint value) => value + 1;
    // INC keeps CF: the lazy record carries the old one along.
    public static void SetFlags(CpuState* s, int w, uint value, uint result, uint carry) { s->CcOp = LazyFlags.Of(CcOp.Inc8, w); s->CcDst = result; s->CcSrc = carry; }
}

public unsafe struct DecOp : IUnaryOp
{
    public static bool KeepsCarry => true;
    public static uint Apply(uint value) => value - 1;
    public static void SetFlags(CpuState* s, int w, uint value, uint result, uint carry) { s->CcOp = LazyFlags.Of(CcOp.Dec8, w); s->CcDst = result; s->CcSrc = carry; }
}

/// <summary>NEG is SUB from zero, so CF = (operand != 0).</summary>
public unsafe struct NegOp : IUnaryOp
{
    public static bool KeepsCarry => false;
    public static uint Apply(uint value) => 0 - value;
    public static void SetFlags(CpuState* s, int w, uint value, uint result, uint carry) { s->CcOp = LazyFlags.Of(CcOp.Sub8, w); s->CcDst = result; s->CcSrc = value; }
}

public unsafe struct NotOp : IUnaryOp
{
    public static bool KeepsCarry => false;
    public static uint Apply(uint value) => ~value;
    public static void SetFlags(CpuState* s, int w, uint value, uint result, uint carry) { }
}

/// <summary>The one-operand family.</summary>
public static unsafe class Unary
{
    public static void Exec<TOp, TW, TDst>(CpuState* s, DecodedOp* op) where TOp : struct, IUnaryOp where TW : struct, IWidth where TDst : struct, IOperand
    {
        uint carry = TOp.KeepsCarry ? LazyFlags.Carry(s) : 0;
        uint value = TDst.Read<TW>(s, op);
        uint result = TOp.Apply(value) & TW.Mask;
        TDst.Write<TW>(s, op, result);
        TOp.SetFlags(s, TW.Index, value, result, carry);
    }

    public static Handler Pick<TOp>(int bits, bool memory) where TOp : struct, IUnaryOp => Widths.Slot(bits, memory) switch
    {
        0 => (Handler)(&Exec<TOp, W8, RegDst>),
        1 => (Handler)(&Exec<TOp, W8, MemOperand>),
        2 => (Handler)(&Exec<TOp, W16, RegDst>),
        3 => (Handler)(&Exec<TOp, W16, MemOperand>),
        4 => (Handler)(&Exec<TOp, W32, RegDst>),
        _ => (Handler)(&Exec<TOp, W32, MemOperand>),
    };
}
