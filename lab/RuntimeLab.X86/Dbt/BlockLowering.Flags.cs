using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.X86.Cpu;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// Conditions (Jcc, SETcc, CMOVcc, the carry of ADC/SBB/INC/DEC) from the lazy-flags record. When the
/// block itself emitted the last flag-setting operation, its kind is known while translating and the
/// condition becomes a direct comparison, with the same formulas as <see cref="LazyFlags"/>, so
/// <c>cmp; jl</c> is one <c>icmp slt</c> and no flag is ever computed. Otherwise the interpreter's own
/// evaluator answers through a helper.
/// </summary>
internal sealed unsafe partial class BlockLowering
{
    /// <summary>The condition as an i1.</summary>
    internal ValueRef Condition(Condition condition)
    {
        // The odd conditions are the even ones negated.
        var positive = (Condition)((int)condition & ~1);
        if (_knownCc is { } op && Inline(op, positive) is { } known) return ((int)condition & 1) != 0 ? Core.BuildNot(_b, known) : known;
        return FromHelper(condition);
    }

    /// <summary>CF as an i32 0 or 1.</summary>
    internal ValueRef Carry() => Core.BuildZExt(_b, Condition(Cpu.Condition.B), _t.I32);

    private ValueRef FromHelper(Condition condition)
    {
        SpillFlags();
        _dirty &= ~(FlagBit(CcOpField) | FlagBit(CcDstField) | FlagBit(CcSrcField) | FlagBit(CcSrc2Field));
        var result = Core.BuildCall(_b, _t.Function(_t.I32, _t.Ptr, _t.I32), Address(HelperCalls.TestConditionAddress), [_state, Const((uint)condition)], "cond");
        return Core.BuildICmp(_b, IntPredicate.Ne, result, Const(0));
    }

    /// <summary>A positive condition (O B E BE S P L LE) after <paramref name="op"/>, or null where only the helper knows.</summary>
    private ValueRef? Inline(CcOp op, Condition condition)
    {
        if (op == CcOp.Eflags) return Materialized(condition);
        var kind = (CcOp)((uint)op & ~3u);
        var bits = 8 << ((int)op & 3);
        var mask = Const(Mask(bits));
        var sign = Const(1u << (bits - 1));
        var dst = Core.BuildAnd(_b, FlagField(CcDstField), mask);
        var src = Core.BuildAnd(_b, FlagField(CcSrcField), mask);
        var zero = Const(0);
        ValueRef IsSet(ValueRef value, ValueRef bit) => Core.BuildICmp(_b, IntPredicate.Ne, Core.BuildAnd(_b, value, bit), zero);
        ValueRef Eq(ValueRef a, ValueRef b) => Core.BuildICmp(_b, IntPredicate.Eq, a, b);
        var zf = Eq(dst, zero);
        var sf = IsSet(dst, sign);

        if (kind == CcOp.Sub8)
        {
            // dst = a - b and src = b, so a = dst + b: the comparisons are on the original operands, at their width.
            var a = Core.BuildAnd(_b, Core.BuildAdd(_b, dst, src), mask);
            var width = bits == 8 ? _t.I8 : bits == 16 ? _t.I16 : _t.I32;
            ValueRef Compare(IntPredicate p) => Core.BuildICmp(_b, p, Core.BuildTrunc(_b, a, width), Core.BuildTrunc(_b, src, width));
            return condition switch
            {
                Cpu.Condition.O => IsSet(Core.BuildAnd(_b, Core.BuildXor(_b, a, src), Core.BuildXor(_b, a, dst)), sign),
                Cpu.Condition.B => Compare(IntPredicate.Ult),
                Cpu.Condition.E => zf,
                Cpu.Condition.BE => Compare(IntPredicate.Ule),
                Cpu.Condition.S => sf,
                Cpu.Condition.P => Parity(dst),
                Cpu.Condition.L => Compare(IntPredicate.Slt),
                _ => Compare(IntPredicate.Sle),
            };
        }

        ValueRef cf, of;
        switch (kind)
        {
            case CcOp.Add8:
            {
                var a = Core.BuildAnd(_b, Core.BuildSub(_b, dst, src), mask);
                cf = Core.BuildICmp(_b, IntPredicate.Ult, dst, a);
                of = IsSet(Core.BuildAnd(_b, Core.BuildXor(_b, Core.BuildXor(_b, a, src), mask), Core.BuildXor(_b, a, dst)), sign);
                break;
            }
            case CcOp.Logic8:
                cf = of = Core.ConstInt(_t.I1, 0);
                break;
            case CcOp.Inc8 or CcOp.Dec8:
                // INC and DEC keep the CF from before them in CcSrc.
                cf = IsSet(FlagField(CcSrcField), Const(1));
                of = Eq(dst, Const(kind == CcOp.Inc8 ? 1u << (bits - 1) : (1u << (bits - 1)) - 1));
                break;
            default:
                return null;
        }
        return condition switch
        {
            Cpu.Condition.O => of,
            Cpu.Condition.B => cf,
            Cpu.Condition.E => zf,
            Cpu.Condition.BE => Core.BuildOr(_b, cf, zf),
            Cpu.Condition.S => sf,
            Cpu.Condition.P => Parity(dst),
            Cpu.Condition.L => Core.BuildXor(_b, sf, of),
            _ => Core.BuildOr(_b, zf, Core.BuildXor(_b, sf, of)),
        };
    }

    /// <summary>A positive condition read from materialized flags in CcSrc (<see cref="SetEflags"/>).</summary>
    private ValueRef Materialized(Condition condition)
    {
        var flags = FlagField(CcSrcField);
        ValueRef Set(uint bit) => Core.BuildICmp(_b, IntPredicate.Ne, Core.BuildAnd(_b, flags, Const(bit)), Const(0));
        return condition switch
        {
            Cpu.Condition.O => Set(EflagsBits.OF),
            Cpu.Condition.B => Set(EflagsBits.CF),
            Cpu.Condition.E => Set(EflagsBits.ZF),
            Cpu.Condition.BE => Set(EflagsBits.CF | EflagsBits.ZF),
            Cpu.Condition.S => Set(EflagsBits.SF),
            Cpu.Condition.P => Set(EflagsBits.PF),
            Cpu.Condition.L => Core.BuildXor(_b, Set(EflagsBits.SF), Set(EflagsBits.OF)),
            _ => Core.BuildOr(_b, Set(EflagsBits.ZF), Core.BuildXor(_b, Set(EflagsBits.SF), Set(EflagsBits.OF))),
        };
    }

    /// <summary>PF: an even number of set bits in the low byte.</summary>
    private ValueRef Parity(ValueRef value)
    {
        var low = Core.BuildTrunc(_b, value, _t.I8);
        var count = Intrinsics.Call(_module, _b, "llvm.ctpop", [_t.I8], [low], "pop");
        return Core.BuildICmp(_b, IntPredicate.Eq, Core.BuildAnd(_b, count, Core.ConstInt(_t.I8, 1)), Core.ConstInt(_t.I8, 0));
    }
}
