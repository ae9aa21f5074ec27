using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Runtime.Interpreter;

namespace RuntimeLab.Runtime.Jit;

/// <summary>Integer and floating-point arithmetic and the specific conversions, with CIL's exceptions
/// as explicit checks (division by zero, MinValue / -1, checked overflow).</summary>
internal sealed unsafe partial class MethodCompiler
{
    private bool LowerArithmetic(Instr ins)
    {
        var (a, b, c) = (ins.A, ins.B, ins.C);
        switch (ins.Op)
        {
            case Op.AddI4: StoreI32(a, Core.BuildAdd(_b, LoadI32(b), LoadI32(c), "")); return true;
            case Op.SubI4: StoreI32(a, Core.BuildSub(_b, LoadI32(b), LoadI32(c), "")); return true;
            case Op.MulI4: StoreI32(a, Core.BuildMul(_b, LoadI32(b), LoadI32(c), "")); return true;
            case Op.AndI4: StoreI32(a, Core.BuildAnd(_b, LoadI32(b), LoadI32(c), "")); return true;
            case Op.OrI4: StoreI32(a, Core.BuildOr(_b, LoadI32(b), LoadI32(c), "")); return true;
            case Op.XorI4: StoreI32(a, Core.BuildXor(_b, LoadI32(b), LoadI32(c), "")); return true;
            // CIL leaves shifts by the width or more unspecified; C# (and so the interpreter and CoreCLR
            // on x64) masks the count, where LLVM would produce poison.
            case Op.ShlI4: StoreI32(a, Core.BuildShl(_b, LoadI32(b), ShiftCount32(LoadI32(c)), "")); return true;
            case Op.ShrI4: StoreI32(a, Core.BuildAShr(_b, LoadI32(b), ShiftCount32(LoadI32(c)), "")); return true;
            case Op.ShrUnI4: StoreI32(a, Core.BuildLShr(_b, LoadI32(b), ShiftCount32(LoadI32(c)), "")); return true;
            case Op.AddI8: StoreI64(a, Core.BuildAdd(_b, LoadI64(b), LoadI64(c), "")); return true;
            case Op.SubI8: StoreI64(a, Core.BuildSub(_b, LoadI64(b), LoadI64(c), "")); return true;
            case Op.MulI8: StoreI64(a, Core.BuildMul(_b, LoadI64(b), LoadI64(c), "")); return true;
            case Op.AndI8: StoreI64(a, Core.BuildAnd(_b, LoadI64(b), LoadI64(c), "")); return true;
            case Op.OrI8: StoreI64(a, Core.BuildOr(_b, LoadI64(b), LoadI64(c), "")); return true;
            case Op.XorI8: StoreI64(a, Core.BuildXor(_b, LoadI64(b), LoadI64(c), "")); return true;
            case Op.ShlI8: StoreI64(a, Core.BuildShl(_b, LoadI64(b), ShiftCount64(c), "")); return true;
            case Op.ShrI8: StoreI64(a, Core.BuildAShr(_b, LoadI64(b), ShiftCount64(c), "")); return true;
            case Op.ShrUnI8: StoreI64(a, Core.BuildLShr(_b, LoadI64(b), ShiftCount64(c), "")); return true;

            case Op.DivI4: case Op.RemI4: case Op.DivUnI4: case Op.RemUnI4:
                StoreI32(a, Divide(ins.Op, LoadI32(b), LoadI32(c), int.MinValue));
                return true;
            case Op.DivI8: case Op.RemI8: case Op.DivUnI8: case Op.RemUnI8:
                StoreI64(a, Divide(ins.Op, LoadI64(b), LoadI64(c), long.MinValue));
                return true;

            case Op.AddI4Imm: StoreI32(a, Core.BuildAdd(_b, LoadI32(b), I32((int)ins.Imm), "")); return true;
            case Op.MulI4Imm: StoreI32(a, Core.BuildMul(_b, LoadI32(b), I32((int)ins.Imm), "")); return true;
            case Op.AndI4Imm: StoreI32(a, Core.BuildAnd(_b, LoadI32(b), I32((int)ins.Imm), "")); return true;
            case Op.OrI4Imm: StoreI32(a, Core.BuildOr(_b, LoadI32(b), I32((int)ins.Imm), "")); return true;
            case Op.XorI4Imm: StoreI32(a, Core.BuildXor(_b, LoadI32(b), I32((int)ins.Imm), "")); return true;
            case Op.ShlI4Imm: StoreI32(a, Core.BuildShl(_b, LoadI32(b), I32((int)ins.Imm & 31), "")); return true;
            case Op.ShrI4Imm: StoreI32(a, Core.BuildAShr(_b, LoadI32(b), I32((int)ins.Imm & 31), "")); return true;
            case Op.ShrUnI4Imm: StoreI32(a, Core.BuildLShr(_b, LoadI32(b), I32((int)ins.Imm & 31), "")); return true;
            // The preparer uses these only for divisors that cannot throw (not 0, not -1).
            case Op.DivI4Imm: StoreI32(a, Core.BuildSDiv(_b, LoadI32(b), I32((int)ins.Imm), "")); return true;
            case Op.RemI4Imm: StoreI32(a, Core.BuildSRem(_b, LoadI32(b), I32((int)ins.Imm), "")); return true;
            case Op.NegI4: StoreI32(a, Core.BuildNeg(_b, LoadI32(b), "")); return true;
            case Op.NegI8: StoreI64(a, Core.BuildNeg(_b, LoadI64(b), "")); return true;
            case Op.NotI4: StoreI32(a, Core.BuildNot(_b, LoadI32(b), "")); return true;
            case Op.NotI8: StoreI64(a, Core.BuildNot(_b, LoadI64(b), "")); return true;

            case Op.AddR4: StoreF32(a, Core.BuildFAdd(_b, LoadF32(b), LoadF32(c), "")); return true;
            case Op.SubR4: StoreF32(a, Core.BuildFSub(_b, LoadF32(b), LoadF32(c), "")); return true;
            case Op.MulR4: StoreF32(a, Core.BuildFMul(_b, LoadF32(b), LoadF32(c), "")); return true;
            case Op.DivR4: StoreF32(a, Core.BuildFDiv(_b, LoadF32(b), LoadF32(c), "")); return true;
            case Op.RemR4: StoreF32(a, Core.BuildFRem(_b, LoadF32(b), LoadF32(c), "")); return true;
            case Op.AddR8: StoreF64(a, Core.BuildFAdd(_b, LoadF64(b), LoadF64(c), "")); return true;
            case Op.SubR8: StoreF64(a, Core.BuildFSub(_b, LoadF64(b), LoadF64(c), "")); return true;
            case Op.MulR8: StoreF64(a, Core.BuildFMul(_b, LoadF64(b), LoadF64(c), "")); return true;
            case Op.DivR8: StoreF64(a, Core.BuildFDiv(_b, LoadF64(b), LoadF64(c), "")); return true;
            case Op.RemR8: StoreF64(a, Core.BuildFRem(_b, LoadF64(b), LoadF64(c), "")); return true;
            case Op.NegR4: StoreF32(a, Core.BuildFNeg(_b, LoadF32(b), "")); return true;
            case Op.NegR8: StoreF64(a, Core.BuildFNeg(_b, LoadF64(b), "")); return true;

            case Op.AddOvfI4: StoreI32(a, Checked("sadd", LoadI32(b), LoadI32(c))); return true;
            case Op.AddOvfUnI4: StoreI32(a, Checked("uadd", LoadI32(b), LoadI32(c))); return true;
            case Op.SubOvfI4: StoreI32(a, Checked("ssub", LoadI32(b), LoadI32(c))); return true;
            case Op.SubOvfUnI4: StoreI32(a, Checked("usub", LoadI32(b), LoadI32(c))); return true;
            case Op.MulOvfI4: StoreI32(a, Checked("smul", LoadI32(b), LoadI32(c))); return true;
            case Op.MulOvfUnI4: StoreI32(a, Checked("umul", LoadI32(b), LoadI32(c))); return true;
            case Op.AddOvfI8: StoreI64(a, Checked("sadd", LoadI64(b), LoadI64(c))); return true;
            case Op.AddOvfUnI8: StoreI64(a, Checked("uadd", LoadI64(b), LoadI64(c))); return true;
            case Op.SubOvfI8: StoreI64(a, Checked("ssub", LoadI64(b), LoadI64(c))); return true;
            case Op.SubOvfUnI8: StoreI64(a, Checked("usub", LoadI64(b), LoadI64(c))); return true;
            case Op.MulOvfI8: StoreI64(a, Checked("smul", LoadI64(b), LoadI64(c))); return true;
            case Op.MulOvfUnI8: StoreI64(a, Checked("umul", LoadI64(b), LoadI64(c))); return true;

            case Op.ConvI4ToR8: StoreF64(a, Core.BuildSIToFP(_b, LoadI32(b), _t.F64, "")); return true;
            case Op.ConvI8ToR8: StoreF64(a, Core.BuildSIToFP(_b, LoadI64(b), _t.F64, "")); return true;
            // .NET 9 and later saturate (NaN → 0): exactly LLVM's fptosi.sat.
            case Op.ConvR8ToI4: StoreI32(a, Intrinsics.Call(_module, _b, "llvm.fptosi.sat", [_t.I32, _t.F64], [LoadF64(b)])); return true;
            case Op.ConvR4ToR8: StoreF64(a, Core.BuildFPExt(_b, LoadF32(b), _t.F64, "")); return true;
            case Op.ConvR8ToR4: StoreF32(a, Core.BuildFPTrunc(_b, LoadF64(b), _t.F32, "")); return true;
            case Op.ConvI8ToI4: StoreI32(a, LoadI32(b)); return true;
            case Op.ConvU4ToI8: StoreI64(a, Core.BuildZExt(_b, LoadI32(b), _t.I64, "")); return true;
            case Op.ConvI4ToU1: StoreI64(a, Core.BuildZExt(_b, Core.BuildTrunc(_b, LoadI64(b), _t.I8, ""), _t.I64, "")); return true;
            case Op.ConvI4ToU2: StoreI64(a, Core.BuildZExt(_b, Core.BuildTrunc(_b, LoadI64(b), _t.I16, ""), _t.I64, "")); return true;
            case Op.ConvI4ToI2: StoreI64(a, Core.BuildSExt(_b, Core.BuildTrunc(_b, LoadI64(b), _t.I16, ""), _t.I64, "")); return true;
            case Op.ConvI4ToI1: StoreI64(a, Core.BuildSExt(_b, Core.BuildTrunc(_b, LoadI64(b), _t.I8, ""), _t.I64, "")); return true;
            case Op.CkFiniteR8: CheckFinite(LoadF64(b), _t.F64); return true;
            case Op.CkFiniteR4: CheckFinite(LoadF32(b), _t.F32); return true;
        }
        return false;
    }

    private ValueRef ShiftCount32(ValueRef count) => Core.BuildAnd(_b, count, I32(31), "count");
    private ValueRef ShiftCount64(int countSlot) => Core.BuildAnd(_b, Core.BuildSExt(_b, LoadI32(countSlot), _t.I64, ""), I64(63), "count");

    /// <summary>An overflow-checked operation through LLVM's <c>*.with.overflow</c> intrinsics.</summary>
    private ValueRef Checked(string operation, ValueRef left, ValueRef right)
    {
        var (result, overflowed) = Intrinsics.WithOverflow(_module, _b, operation, left, right);
        ThrowIf(overflowed, RuntimeErrorKind.Overflow);
        return result;
    }

    /// <summary>Division with CIL's exceptions (<see cref="Arithmetic"/>): a zero divisor, and the
    /// quotient of MinValue / -1 that does not fit (its remainder would trap on x86 too).</summary>
    private ValueRef Divide(Op op, ValueRef left, ValueRef right, long minValue)
    {
        var type = Core.TypeOf(right);
        ThrowIf(Core.BuildICmp(_b, IntPredicate.Eq, right, Core.ConstInt(type, 0), "by.zero"), RuntimeErrorKind.DivideByZero);
        var signed = op is Op.DivI4 or Op.RemI4 or Op.DivI8 or Op.RemI8;
        if (signed)
        {
            var minusOne = Core.BuildICmp(_b, IntPredicate.Eq, right, Core.ConstInt(type, -1), "");
            var isMin = Core.BuildICmp(_b, IntPredicate.Eq, left, Core.ConstInt(type, minValue), "");
            ThrowIf(Core.BuildAnd(_b, minusOne, isMin, "overflows"), RuntimeErrorKind.Overflow);
        }
        return op switch
        {
            Op.DivI4 or Op.DivI8 => Core.BuildSDiv(_b, left, right, "quotient"),
            Op.RemI4 or Op.RemI8 => Core.BuildSRem(_b, left, right, "remainder"),
            Op.DivUnI4 or Op.DivUnI8 => Core.BuildUDiv(_b, left, right, "quotient"),
            _ => Core.BuildURem(_b, left, right, "remainder"),
        };
    }

    /// <summary>ckfinite: ArithmeticException for NaN and the infinities.</summary>
    private void CheckFinite(ValueRef value, TypeRef type)
    {
        var magnitude = Intrinsics.Call(_module, _b, "llvm.fabs", [type], [value]);
        var finite = Core.BuildFCmp(_b, RealPredicate.Olt, magnitude, Core.ConstReal(type, double.PositiveInfinity), "finite");
        ThrowIf(Core.BuildNot(_b, finite, ""), RuntimeErrorKind.Arithmetic);
    }
}
