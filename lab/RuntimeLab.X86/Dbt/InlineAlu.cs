using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// Inline lowerings of the ALU families: the two-operand ops (<see cref="Interp.Alu"/>), INC DEC NEG NOT
/// (<see cref="Unary"/>), SHL SHR SAR (<see cref="Shifts"/>) and the truncating IMUL (<see cref="MulDiv"/>).
/// Each reads its operands, makes its one store, then records the flags, as its handler does, so a
/// faulting store leaves the flags alone.
/// </summary>
internal static unsafe class InlineAlu
{
    private enum Operation { Add, Or, Adc, Sbb, And, Sub, Xor, Cmp, Test }

    public static void Register(Dictionary<nint, OpLowering> table)
    {
        foreach (var bits in InlineOps.AllWidths)
        {
            foreach (var form in InlineOps.TwoOperandForms)
            {
                void Binary(Handler handler, Operation operation) =>
                    InlineOps.Add(table, handler, (BlockLowering e, in DecodedOp op) => Lower(e, op, operation, bits, form));
                Binary(Alu.Pick<AddOp>(bits, form), Operation.Add);
                Binary(Alu.Pick<OrOp>(bits, form), Operation.Or);
                Binary(Alu.Pick<AdcOp>(bits, form), Operation.Adc);
                Binary(Alu.Pick<SbbOp>(bits, form), Operation.Sbb);
                Binary(Alu.Pick<AndOp>(bits, form), Operation.And);
                Binary(Alu.Pick<SubOp>(bits, form), Operation.Sub);
                Binary(Alu.Pick<XorOp>(bits, form), Operation.Xor);
                Binary(Alu.Pick<CmpOp>(bits, form), Operation.Cmp);
                Binary(Alu.Pick<TestOp>(bits, form), Operation.Test);
            }
            foreach (var memory in (ReadOnlySpan<bool>)[false, true])
            {
                InlineOps.Add(table, Unary.Pick<IncOp>(bits, memory), (BlockLowering e, in DecodedOp op) => IncDec(e, op, CcOp.Inc8, bits, memory));
                InlineOps.Add(table, Unary.Pick<DecOp>(bits, memory), (BlockLowering e, in DecodedOp op) => IncDec(e, op, CcOp.Dec8, bits, memory));
                InlineOps.Add(table, Unary.Pick<NegOp>(bits, memory), (BlockLowering e, in DecodedOp op) => Neg(e, op, bits, memory));
                InlineOps.Add(table, Unary.Pick<NotOp>(bits, memory), (BlockLowering e, in DecodedOp op) => Not(e, op, bits, memory));
                foreach (var byCl in (ReadOnlySpan<bool>)[false, true])
                {
                    InlineOps.Add(table, Shifts.Pick<ShlOp>(bits, memory, byCl), (BlockLowering e, in DecodedOp op) => Shift(e, op, Mnemonic.Shl, bits, memory, byCl));
                    InlineOps.Add(table, Shifts.Pick<ShrOp>(bits, memory, byCl), (BlockLowering e, in DecodedOp op) => Shift(e, op, Mnemonic.Shr, bits, memory, byCl));
                    InlineOps.Add(table, Shifts.Pick<SarOp>(bits, memory, byCl), (BlockLowering e, in DecodedOp op) => Shift(e, op, Mnemonic.Sar, bits, memory, byCl));
                }
            }
        }
        foreach (var bits in (ReadOnlySpan<int>)[16, 32])
            foreach (var memory in (ReadOnlySpan<bool>)[false, true])
                foreach (var withImmediate in (ReadOnlySpan<bool>)[false, true])
                    InlineOps.Add(table, MulDiv.PickTruncating(bits, memory, withImmediate), (BlockLowering e, in DecodedOp op) => Imul(e, op, bits, memory, withImmediate));
    }

    private static void Lower(BlockLowering e, in DecodedOp op, Operation operation, int bits, Form form)
    {
        var b = e.B;
        var (dst, src) = InlineOps.Places(e, op, form);
        var right = src.Read(e, bits);
        var left = dst.Read(e, bits);
        ValueRef? carry = operation is Operation.Adc or Operation.Sbb ? e.Carry() : null;
        var result = operation switch
        {
            Operation.Add => Core.BuildAdd(b, left, right),
            Operation.Or => Core.BuildOr(b, left, right),
            Operation.Adc => Core.BuildAdd(b, Core.BuildAdd(b, left, right), carry!.Value),
            Operation.Sbb => Core.BuildSub(b, Core.BuildSub(b, left, right), carry!.Value),
            Operation.And or Operation.Test => Core.BuildAnd(b, left, right),
            Operation.Sub or Operation.Cmp => Core.BuildSub(b, left, right),
            _ => Core.BuildXor(b, left, right),
        };
        result = Masked(e, result, bits);
        if (operation is not (Operation.Cmp or Operation.Test)) dst.Write(e, bits, result);
        var kind = operation switch
        {
            Operation.Add => CcOp.Add8,
            Operation.Adc => CcOp.Adc8,
            Operation.Sbb => CcOp.Sbb8,
            Operation.Sub or Operation.Cmp => CcOp.Sub8,
            _ => CcOp.Logic8,
        };
        e.SetFlags(kind, bits, result, right, carry);
    }

    /// <summary>INC and DEC keep CF: the record carries the one from before them.</summary>
    private static void IncDec(BlockLowering e, in DecodedOp op, CcOp kind, int bits, bool memory)
    {
        var carry = e.Carry();
        var target = Place.RegisterOrMemory(e, op, memory, op.Reg);
        var value = target.Read(e, bits);
        var result = Masked(e, kind == CcOp.Inc8 ? Core.BuildAdd(e.B, value, e.Const(1)) : Core.BuildSub(e.B, value, e.Const(1)), bits);
        target.Write(e, bits, result);
        e.SetFlags(kind, bits, result, carry);
    }

    private static void Neg(BlockLowering e, in DecodedOp op, int bits, bool memory)
    {
        var target = Place.RegisterOrMemory(e, op, memory, op.Reg);
        var value = target.Read(e, bits);
        var result = Masked(e, Core.BuildSub(e.B, e.Const(0), value), bits);
        target.Write(e, bits, result);
        e.SetFlags(CcOp.Sub8, bits, result, value);
    }

    private static void Not(BlockLowering e, in DecodedOp op, int bits, bool memory)
    {
        var target = Place.RegisterOrMemory(e, op, memory, op.Reg);
        target.Write(e, bits, Masked(e, Core.BuildNot(e.B, target.Read(e, bits)), bits));
    }

    private enum Mnemonic { Shl, Shr, Sar }

    /// <summary>
    /// The result is written even for a zero count (a read-only memory operand faults either way); the
    /// flags change only for a nonzero one, and CcSrc is the value shifted by count − 1.
    /// </summary>
    private static void Shift(BlockLowering e, in DecodedOp op, Mnemonic mnemonic, int bits, bool memory, bool byCl)
    {
        var b = e.B;
        var count = byCl ? Core.BuildAnd(b, e.ReadReg(Gpr.Ecx * 4, 32), e.Const(0x1F)) : e.Const(op.Imm & 0x1F);
        var target = Place.RegisterOrMemory(e, op, memory, op.Reg);
        var value = target.Read(e, bits);
        ValueRef By(ValueRef n) => mnemonic switch
        {
            Mnemonic.Shl => Core.BuildShl(b, value, n),
            Mnemonic.Shr => Core.BuildLShr(b, value, n),
            _ => Core.BuildAShr(b, SignExtend(e, value, bits), n),
        };
        var result = Masked(e, By(count), bits);
        target.Write(e, bits, result);
        var kind = mnemonic == Mnemonic.Shl ? CcOp.Shl8 : CcOp.Sar8;
        if (!byCl)
        {
            if ((op.Imm & 0x1F) != 0) e.SetFlags(kind, bits, result, By(e.Const((op.Imm & 0x1F) - 1)));
            return;
        }
        // (count − 1) mod 32 keeps the shift defined when the count is 0; its value is then not selected.
        var before = By(Core.BuildAnd(b, Core.BuildSub(b, count, e.Const(1)), e.Const(0x1F)));
        e.SetFlagsWhen(Core.BuildICmp(b, IntPredicate.Ne, count, e.Const(0)), kind, bits, result, before);
    }

    /// <summary>IMUL r, r/m (, imm): the truncated signed product; CcSrc nonzero exactly when the high half is not the low half's sign extension.</summary>
    private static void Imul(BlockLowering e, in DecodedOp op, int bits, bool memory, bool withImmediate)
    {
        var b = e.B;
        var source = Place.RegisterOrMemory(e, op, memory, op.Rm);
        ValueRef left, right;
        if (withImmediate)
        {
            left = source.Read(e, bits);
            right = e.Const(op.Imm & BlockLowering.Mask(bits));
        }
        else
        {
            right = source.Read(e, bits);
            left = e.ReadReg(op.Reg, bits);
        }
        var i64 = e.T.I64;
        var product = Core.BuildMul(b, Core.BuildSExt(b, SignExtend(e, left, bits), i64), Core.BuildSExt(b, SignExtend(e, right, bits), i64));
        var low = Masked(e, Core.BuildTrunc(b, product, e.T.I32), bits);
        var high = Masked(e, Core.BuildTrunc(b, Core.BuildLShr(b, product, Core.ConstInt(i64, bits)), e.T.I32), bits);
        e.WriteReg(op.Reg, bits, low);
        var signFill = Core.BuildSelect(b, Core.BuildICmp(b, IntPredicate.Ne, Core.BuildAnd(b, low, e.Const(1u << (bits - 1))), e.Const(0)),
            e.Const(BlockLowering.Mask(bits)), e.Const(0));
        e.SetFlags(CcOp.Mul8, bits, low, Core.BuildXor(b, high, signFill));
    }

    internal static ValueRef Masked(BlockLowering e, ValueRef value, int bits) =>
        bits == 32 ? value : Core.BuildAnd(e.B, value, e.Const(BlockLowering.Mask(bits)));

    /// <summary>A value of <paramref name="bits"/> sign-extended to an i32.</summary>
    internal static ValueRef SignExtend(BlockLowering e, ValueRef value, int bits)
    {
        if (bits == 32) return value;
        var narrow = Core.BuildTrunc(e.B, value, bits == 8 ? e.T.I8 : e.T.I16);
        return Core.BuildSExt(e.B, narrow, e.T.I32);
    }
}
