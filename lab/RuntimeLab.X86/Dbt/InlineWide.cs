using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// Inline lowerings of what 32-bit code does 64-bit arithmetic with: the widening MUL and IMUL into
/// EDX:EAX (<see cref="MulDiv.Widening{TW, TSrc, TSigned}"/>) and SHLD/SHRD (<see cref="Shifts.Double{TW, TDst, TCount, TRight}"/>),
/// at 32 bits. The narrower forms run their handlers.
/// </summary>
internal static unsafe class InlineWide
{
    public static void Register(Dictionary<nint, OpLowering> table)
    {
        foreach (var memory in (ReadOnlySpan<bool>)[false, true])
        {
            foreach (var signed in (ReadOnlySpan<bool>)[false, true])
                InlineOps.Add(table, MulDiv.PickWidening(signed, 32, memory), (BlockLowering e, in DecodedOp op) => Widening(e, op, signed, memory));
            foreach (var right in (ReadOnlySpan<bool>)[false, true])
                foreach (var byCl in (ReadOnlySpan<bool>)[false, true])
                    InlineOps.Add(table, Shifts.PickDouble(right, 32, memory, byCl), (BlockLowering e, in DecodedOp op) => DoubleShift(e, op, right, memory, byCl));
        }
    }

    private static void Widening(BlockLowering e, in DecodedOp op, bool signed, bool memory)
    {
        var b = e.B;
        var i64 = e.T.I64;
        var source = Place.RegisterOrMemory(e, op, memory, op.Reg).Read(e, 32);
        var accumulator = e.ReadReg(Gpr.Eax * 4, 32);
        ValueRef Wide(ValueRef v) => signed ? Core.BuildSExt(b, v, i64) : Core.BuildZExt(b, v, i64);
        var product = Core.BuildMul(b, Wide(accumulator), Wide(source));
        var low = Core.BuildTrunc(b, product, e.T.I32);
        var high = Core.BuildTrunc(b, Core.BuildLShr(b, product, Core.ConstInt(i64, 32)), e.T.I32);
        e.WriteReg(Gpr.Eax * 4, 32, low);
        e.WriteReg(Gpr.Edx * 4, 32, high);
        // CcSrc is nonzero exactly when the high half is significant (for IMUL: not the low half's sign extension).
        var significant = signed ? Core.BuildXor(b, high, Core.BuildAShr(b, low, e.Const(31))) : high;
        e.SetFlags(CcOp.Mul8, 32, low, significant);
    }

    /// <summary>SHLD/SHRD r/m32, r32, count: the count masked to 5 bits; a zero count writes the operand back and leaves the flags.</summary>
    private static void DoubleShift(BlockLowering e, in DecodedOp op, bool right, bool memory, bool byCl)
    {
        var b = e.B;
        var count = byCl ? Core.BuildAnd(b, e.ReadReg(Gpr.Ecx * 4, 32), e.Const(0x1F)) : e.Const(op.Imm & 0x1F);
        var target = Place.RegisterOrMemory(e, op, memory, op.Reg);
        var a = target.Read(e, 32);
        var fill = e.ReadReg(op.Rm, 32);
        // Shift amounts stay below 32 (LLVM's shifts are poison at 32); a zero count selects the operand itself.
        var back = Core.BuildAnd(b, Core.BuildSub(b, e.Const(32), count), e.Const(0x1F));
        var minus1 = Core.BuildAnd(b, Core.BuildSub(b, count, e.Const(1)), e.Const(0x1F));
        ValueRef shifted, before;
        if (right)
        {
            shifted = Core.BuildOr(b, Core.BuildLShr(b, a, count), Core.BuildShl(b, fill, back));
            before = Core.BuildLShr(b, a, minus1);
        }
        else
        {
            shifted = Core.BuildOr(b, Core.BuildShl(b, a, count), Core.BuildLShr(b, fill, back));
            before = Core.BuildShl(b, a, minus1);
        }
        var nonzero = Core.BuildICmp(b, IntPredicate.Ne, count, e.Const(0));
        var result = Core.BuildSelect(b, nonzero, shifted, a);
        target.Write(e, 32, result);
        var kind = right ? CcOp.Sar8 : CcOp.Shl8;
        if (!byCl)
        {
            if ((op.Imm & 0x1F) != 0) e.SetFlags(kind, 32, result, before);
            return;
        }
        e.SetFlagsWhen(nonzero, kind, 32, result, before);
    }
}
