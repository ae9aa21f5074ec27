using RuntimeLab.Bytecode.Importing;

namespace RuntimeLab.Runtime.Interpreter;

/// <summary>
/// Immediate operands: <c>ldc.i4 k</c> directly before an int32 operation on the top of the stack is
/// folded into it (<c>ldloc.2; ldc.i4.1; add; stloc.2</c> becomes one <c>AddI4Imm l2 l2 1</c>, and
/// <c>ldloc.0; ldc.i4 100; blt</c> one <c>BltI4Imm l0 100</c>). Every dispatched operation costs an
/// indirect jump, so one operation fewer per loop iteration is measurable. The same file holds the
/// other peepholes that look back one operation.
/// </summary>
internal sealed unsafe partial class Preparer
{
    /// <summary>
    /// If the top entry is an int32 constant the previous IL instruction loaded (its LdcI8 is the last
    /// operation emitted, and this instruction is no join point, so every path here comes from it),
    /// removes that load and returns the constant.
    /// </summary>
    private bool TryTakeInt32Constant(out int value)
    {
        value = 0;
        if (!LastOpComputedTop(Op.LdcI8, out var ldc) || Entry(0).Kind != StackKind.Int32 || Entry(1).Kind != StackKind.Int32)
            return false;
        _code.RemoveAt(_code.Count - 1);
        _ilIndexOfPc.RemoveAt(_ilIndexOfPc.Count - 1);
        _pcOfIl[_ilIndex] = _code.Count;
        value = (int)ldc.Imm;
        return true;
    }

    /// <summary>Did the previous IL instruction end with <paramref name="op"/> computing the top entry in
    /// its own slot, with no join point between (so every path here comes from that operation)?</summary>
    private bool LastOpComputedTop(Op op, out Instr last)
    {
        last = default;
        var index = _code.Count - 1;
        if (index < 0 || _isBranchTarget[_ilIndex] || _ilIndexOfPc[index] != _ilIndex - 1) return false;
        last = _code[index];
        return last.Op == op && last.A == Slot(0);
    }

    /// <summary>The immediate form of an int32 arithmetic operation, or Nop if it has none.</summary>
    private static Op ImmediateArithmetic(Op op) => op switch
    {
        Op.AddI4 or Op.SubI4 => Op.AddI4Imm,
        Op.MulI4 => Op.MulI4Imm,
        Op.AndI4 => Op.AndI4Imm,
        Op.OrI4 => Op.OrI4Imm,
        Op.XorI4 => Op.XorI4Imm,
        Op.ShlI4 => Op.ShlI4Imm,
        Op.ShrI4 => Op.ShrI4Imm,
        Op.ShrUnI4 => Op.ShrUnI4Imm,
        Op.DivI4 => Op.DivI4Imm,
        Op.RemI4 => Op.RemI4Imm,
        _ => Op.Nop,
    };

    /// <summary>Emits <paramref name="op"/> (an int32 operation) with its constant operand as an immediate, if it can.</summary>
    private bool TryEmitArithmeticImmediate(Op op)
    {
        var immediate = ImmediateArithmetic(op);
        // A divisor other than 0 and -1 throws neither DivideByZeroException nor OverflowException
        // (int.MinValue / -1), so its division needs no pc for the handler search.
        if (immediate == Op.Nop || op is Op.DivI4 or Op.RemI4 && LastOpComputedTop(Op.LdcI8, out var ldc) && ldc.Imm is 0 or -1)
            return false;
        if (!TryTakeInt32Constant(out var k)) return false;
        // x - k is x + (-k) in 32-bit wrap-around arithmetic, int.MinValue included.
        Emit(immediate, ResultSlot(2), Src(1), imm: op == Op.SubI4 ? -(long)k : k);
        return true;
    }

    /// <summary>Compare-and-branch against a constant: A = slot, C = the constant, Imm = target.</summary>
    private static Op ImmediateBranch(Op op) => op switch
    {
        Op.BeqI4 => Op.BeqI4Imm, Op.BneUnI4 => Op.BneUnI4Imm,
        Op.BltI4 => Op.BltI4Imm, Op.BltUnI4 => Op.BltUnI4Imm,
        Op.BleI4 => Op.BleI4Imm, Op.BleUnI4 => Op.BleUnI4Imm,
        Op.BgtI4 => Op.BgtI4Imm, Op.BgtUnI4 => Op.BgtUnI4Imm,
        Op.BgeI4 => Op.BgeI4Imm, Op.BgeUnI4 => Op.BgeUnI4Imm,
        _ => Op.Nop,
    };
}
