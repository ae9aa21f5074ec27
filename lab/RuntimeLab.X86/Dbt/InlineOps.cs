using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Dbt;

/// <summary>Emits the IR of one op inline, with the same semantics as the handler it stands for.</summary>
internal unsafe delegate void OpLowering(BlockLowering e, in DecodedOp op);

/// <summary>
/// Which interpreter handlers the translator lowers inline, keyed by the handler itself: the table is
/// built from the binders' own pickers (<see cref="Interp.Alu.Pick{TOp}"/> and the rest), so an op
/// lowers inline exactly when it is one of these specializations, and any handler not listed runs as
/// it is, through a helper call. Each family's lowering mirrors its handler line by line
/// (<see cref="InlineAlu"/>, <see cref="InlineWide"/>, <see cref="InlineDataMove"/>, <see cref="InlineStack"/>, <see cref="InlineControl"/>,
/// <see cref="InlineX87"/>),
/// and the differential tests hold the two to the same results.
/// </summary>
internal static unsafe class InlineOps
{
    /// <summary>The operand forms with a destination and a source.</summary>
    internal static readonly Form[] TwoOperandForms = [Form.RR, Form.RM, Form.MR, Form.RI, Form.MI];

    internal static readonly int[] AllWidths = [8, 16, 32];

    // After the arrays above: static fields initialize in order, and the families' registrations read them.
    private static readonly Dictionary<nint, OpLowering> s_table = Build();

    public static OpLowering? Find(nint handler) => s_table.GetValueOrDefault(handler);

    private static Dictionary<nint, OpLowering> Build()
    {
        var table = new Dictionary<nint, OpLowering>();
        InlineAlu.Register(table);
        InlineWide.Register(table);
        InlineDataMove.Register(table);
        InlineStack.Register(table);
        InlineControl.Register(table);
        InlineX87.Register(table);
        return table;
    }

    internal static void Add(Dictionary<nint, OpLowering> table, Handler handler, OpLowering lowering) =>
        table.TryAdd((nint)handler.Pointer, lowering);

    /// <summary>An op's destination and source for <paramref name="form"/>, as its handler reads them (see <see cref="Interp.Operands"/>).</summary>
    internal static (Place Dst, Place Src) Places(BlockLowering e, in DecodedOp op, Form form) => form switch
    {
        Form.RR => (Place.Register(op.Reg), Place.Register(op.Rm)),
        Form.RM => (Place.Register(op.Reg), Place.Memory(e, op)),
        Form.MR => (Place.Memory(e, op), Place.Register(op.Reg)),
        Form.RI => (Place.Register(op.Reg), Place.Immediate(op.Imm)),
        Form.MI => (Place.Memory(e, op), Place.Immediate(op.Imm)),
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };
}

/// <summary>Where an operand is: a register (by byte offset), guest memory (by linear address), or an immediate.</summary>
internal readonly record struct Place(PlaceKind Kind, byte Offset, ValueRef Linear, uint Value)
{
    public static Place Register(byte offset) => new(PlaceKind.Register, offset, default, 0);
    public static Place Memory(BlockLowering e, in DecodedOp op) => new(PlaceKind.Memory, 0, e.LinearAddress(op), 0);
    public static Place Immediate(uint value) => new(PlaceKind.Immediate, 0, default, value);

    /// <summary>An r/m operand: the memory operand, or the register at <paramref name="register"/>.</summary>
    public static Place RegisterOrMemory(BlockLowering e, in DecodedOp op, bool memory, byte register) =>
        memory ? Memory(e, op) : Register(register);

    /// <summary>The operand's value at <paramref name="bits"/>, zero-extended to an i32.</summary>
    public ValueRef Read(BlockLowering e, int bits) => Kind switch
    {
        PlaceKind.Register => e.ReadReg(Offset, bits),
        PlaceKind.Memory => e.Load(Linear, bits / 8),
        _ => e.Const(Value & BlockLowering.Mask(bits)),
    };

    public void Write(BlockLowering e, int bits, ValueRef value)
    {
        if (Kind == PlaceKind.Register) e.WriteReg(Offset, bits, value);
        else if (Kind == PlaceKind.Memory) e.Store(Linear, bits / 8, value);
        else throw new InvalidOperationException("an immediate is not writable");
    }
}

internal enum PlaceKind : byte { Register, Memory, Immediate }
