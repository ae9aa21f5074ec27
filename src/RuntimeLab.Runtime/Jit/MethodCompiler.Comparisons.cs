using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Runtime.Interpreter;

namespace RuntimeLab.Runtime.Jit;

/// <summary>Comparisons and compare-and-branch. The "Un" forms of floating-point comparisons are
/// LLVM's unordered predicates: true when either operand is NaN, as CIL defines them.</summary>
internal sealed unsafe partial class MethodCompiler
{
    private bool LowerComparison(Instr ins)
    {
        var (a, b, c) = (ins.A, ins.B, ins.C);
        switch (ins.Op)
        {
            case Op.CeqI4: SetFlag(a, Int32s(IntPredicate.Eq, b, c)); return true;
            case Op.CgtI4: SetFlag(a, Int32s(IntPredicate.Sgt, b, c)); return true;
            case Op.CgtUnI4: SetFlag(a, Int32s(IntPredicate.Ugt, b, c)); return true;
            case Op.CltI4: SetFlag(a, Int32s(IntPredicate.Slt, b, c)); return true;
            case Op.CltUnI4: SetFlag(a, Int32s(IntPredicate.Ult, b, c)); return true;
            case Op.CeqI8: SetFlag(a, Int64s(IntPredicate.Eq, b, c)); return true;
            case Op.CgtI8: SetFlag(a, Int64s(IntPredicate.Sgt, b, c)); return true;
            case Op.CgtUnI8: SetFlag(a, Int64s(IntPredicate.Ugt, b, c)); return true;
            case Op.CltI8: SetFlag(a, Int64s(IntPredicate.Slt, b, c)); return true;
            case Op.CltUnI8: SetFlag(a, Int64s(IntPredicate.Ult, b, c)); return true;
            case Op.CeqR8: SetFlag(a, Doubles(RealPredicate.Oeq, b, c)); return true;
            case Op.CgtR8: SetFlag(a, Doubles(RealPredicate.Ogt, b, c)); return true;
            case Op.CgtUnR8: SetFlag(a, Doubles(RealPredicate.Ugt, b, c)); return true;
            case Op.CltR8: SetFlag(a, Doubles(RealPredicate.Olt, b, c)); return true;
            case Op.CltUnR8: SetFlag(a, Doubles(RealPredicate.Ult, b, c)); return true;
        }
        if (IntBranch(ins.Op) is { } integer)
        {
            Branch(integer.Wide ? Int64s(integer.Predicate, a, b) : Int32s(integer.Predicate, a, b), ins);
            return true;
        }
        if (RealBranch(ins.Op) is { } real) { Branch(Doubles(real, a, b), ins); return true; }
        if (ImmediateBranch(ins.Op) is { } immediate)
        {
            Branch(Core.BuildICmp(_b, immediate, LoadI32(a), I32(c), ""), ins);
            return true;
        }
        return false;
    }

    private ValueRef Int32s(IntPredicate p, int left, int right) => Core.BuildICmp(_b, p, LoadI32(left), LoadI32(right), "");
    private ValueRef Int64s(IntPredicate p, int left, int right) => Core.BuildICmp(_b, p, LoadI64(left), LoadI64(right), "");
    private ValueRef Doubles(RealPredicate p, int left, int right) => Core.BuildFCmp(_b, p, LoadF64(left), LoadF64(right), "");
    private void SetFlag(int slot, ValueRef condition) => StoreI64(slot, Core.BuildZExt(_b, condition, _t.I64, ""));

    private static (IntPredicate Predicate, bool Wide)? IntBranch(Op op) => op switch
    {
        Op.BeqI4 => (IntPredicate.Eq, false), Op.BneUnI4 => (IntPredicate.Ne, false),
        Op.BltI4 => (IntPredicate.Slt, false), Op.BltUnI4 => (IntPredicate.Ult, false),
        Op.BleI4 => (IntPredicate.Sle, false), Op.BleUnI4 => (IntPredicate.Ule, false),
        Op.BgtI4 => (IntPredicate.Sgt, false), Op.BgtUnI4 => (IntPredicate.Ugt, false),
        Op.BgeI4 => (IntPredicate.Sge, false), Op.BgeUnI4 => (IntPredicate.Uge, false),
        Op.BeqI8 => (IntPredicate.Eq, true), Op.BneUnI8 => (IntPredicate.Ne, true),
        Op.BltI8 => (IntPredicate.Slt, true), Op.BltUnI8 => (IntPredicate.Ult, true),
        Op.BleI8 => (IntPredicate.Sle, true), Op.BleUnI8 => (IntPredicate.Ule, true),
        Op.BgtI8 => (IntPredicate.Sgt, true), Op.BgtUnI8 => (IntPredicate.Ugt, true),
        Op.BgeI8 => (IntPredicate.Sge, true), Op.BgeUnI8 => (IntPredicate.Uge, true),
        _ => null,
    };

    private static RealPredicate? RealBranch(Op op) => op switch
    {
        Op.BeqR8 => RealPredicate.Oeq, Op.BneUnR8 => RealPredicate.Une,
        Op.BltR8 => RealPredicate.Olt, Op.BltUnR8 => RealPredicate.Ult,
        Op.BleR8 => RealPredicate.Ole, Op.BleUnR8 => RealPredicate.Ule,
        Op.BgtR8 => RealPredicate.Ogt, Op.BgtUnR8 => RealPredicate.Ugt,
        Op.BgeR8 => RealPredicate.Oge, Op.BgeUnR8 => RealPredicate.Uge,
        _ => null,
    };

    private static IntPredicate? ImmediateBranch(Op op) => op switch
    {
        Op.BeqI4Imm => IntPredicate.Eq, Op.BneUnI4Imm => IntPredicate.Ne,
        Op.BltI4Imm => IntPredicate.Slt, Op.BltUnI4Imm => IntPredicate.Ult,
        Op.BleI4Imm => IntPredicate.Sle, Op.BleUnI4Imm => IntPredicate.Ule,
        Op.BgtI4Imm => IntPredicate.Sgt, Op.BgtUnI4Imm => IntPredicate.Ugt,
        Op.BgeI4Imm => IntPredicate.Sge, Op.BgeUnI4Imm => IntPredicate.Uge,
        _ => null,
    };
}
