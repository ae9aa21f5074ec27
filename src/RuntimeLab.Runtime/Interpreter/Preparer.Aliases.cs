using Mono.Cecil;
using Mono.Cecil.Cil;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Interpreter;

/// <summary>
/// Copy propagation for locals and arguments. <c>ldloc</c> emits nothing: its stack entry becomes an
/// alias of the local's slot, and the instructions that consume it read the local directly
/// (<c>ldloc.0; ldloc.1; add; stloc.2</c> becomes one <c>AddI4 l2 l0 l1</c> with the store folded
/// in). An alias is written to its own stack slot ("materialized") wherever the stack must be in
/// its canonical slots: before a join point, a branch, a call, a store to the same local, and any
/// instruction not written to read aliases. Locals whose address is taken are never aliased.
/// The GC skips aliased entries: their object is the local's, which the frame reports anyway.
/// </summary>
internal sealed unsafe partial class Preparer
{
    private readonly Dictionary<int, int> _alias = [];
    private bool[] _isBranchTarget = [];
    private readonly HashSet<int> _addressTaken = [];
    /// <summary>Stack entries that were aliases when each IL instruction began (for the GC map).</summary>
    private int[]?[] _aliasedAt = [];

    private void InitAliases()
    {
        var instructions = _imp.Instructions;
        _isBranchTarget = new bool[instructions.Count];
        _aliasedAt = new int[instructions.Count][];
        foreach (var ins in instructions)
        {
            switch (ins.Operand)
            {
                case Instruction target: _isBranchTarget[_imp.IndexOf(target)] = true; break;
                case Instruction[] targets: foreach (var t in targets) _isBranchTarget[_imp.IndexOf(t)] = true; break;
            }
            switch (ins.OpCode.Code)
            {
                case Code.Ldloca: case Code.Ldloca_S:
                    _addressTaken.Add(_localSlot[((VariableDefinition)ins.Operand).Index]);
                    break;
                case Code.Ldarga: case Code.Ldarga_S:
                    _addressTaken.Add(_method.ArgumentSlot[ArgIndex(ins)]);
                    break;
            }
        }
        foreach (var h in _method.Definition.Body.ExceptionHandlers)
        {
            _isBranchTarget[_imp.IndexOf(h.HandlerStart)] = true;
            _isBranchTarget[_imp.IndexOf(h.TryStart)] = true;
            if (h.FilterStart is not null) _isBranchTarget[_imp.IndexOf(h.FilterStart)] = true;
        }
    }

    /// <summary>The slot to read the entry <paramref name="fromTop"/> places below the top from.</summary>
    private int Src(int fromTop)
    {
        var index = _stack.Length - 1 - fromTop;
        return _alias.TryGetValue(index, out var slot) ? slot : _positions[index];
    }

    private void Materialize(int index)
    {
        if (_alias.Remove(index, out var slot)) Emit(Op.Mov, _positions[index], slot);
    }

    private void MaterializeAll()
    {
        if (_alias.Count == 0) return;
        foreach (var index in _alias.Keys.Order().ToArray()) Materialize(index);
    }

    /// <summary>The <paramref name="count"/> top entries: a call's arguments, which must sit where the
    /// callee's frame begins.</summary>
    private void MaterializeTop(int count)
    {
        foreach (var index in _alias.Keys.Where(i => i >= _stack.Length - count).Order().ToArray()) Materialize(index);
    }

    /// <summary>
    /// The entries a call or callvirt consumes, or null for any other instruction. A call materializes
    /// only its arguments: the entries below it may stay aliases, because the callee cannot change the
    /// caller's locals (a local whose address is taken is never aliased), and an exception empties the
    /// stack anyway.
    /// </summary>
    private int? CallArgumentCount(Instruction ins) =>
        ins.OpCode.Code is Code.Call or Code.Callvirt && _imp.Callees[_ilIndex] is { } callee
            ? callee.Parameters.Count + (callee.HasThis ? 1 : 0)
            : null;

    /// <summary>box of a reference type (a generic `key == null` over string) emits nothing: an alias
    /// on top stays one.</summary>
    private bool IsBoxOfReference(Instruction ins) =>
        ins.OpCode.Code == Code.Box && Types.Get(Close((TypeReference)ins.Operand)).IsReferenceType;

    /// <summary>Entries below the <paramref name="consumed"/> top ones, before a branch leaves the block.</summary>
    private void MaterializeBelow(int consumed)
    {
        foreach (var index in _alias.Keys.Where(i => i < _stack.Length - consumed).Order().ToArray()) Materialize(index);
    }

    /// <summary>Before a store to <paramref name="slot"/>: entries that alias it must keep the old value.</summary>
    private void MaterializeAliasesOf(int slot, int exceptIndex)
    {
        foreach (var (index, aliased) in _alias.Where(a => a.Value == slot && a.Key != exceptIndex).OrderBy(a => a.Key).ToArray())
            Materialize(index);
    }

    private int _newAliasSlot = -1;

    /// <summary>An ldloc/ldarg of <paramref name="type"/> at <paramref name="slot"/> may become an alias.</summary>
    private bool TryAlias(RuntimeType type, int slot)
    {
        if (_addressTaken.Contains(slot) || type.Slots != 1 || type.Primitive is PrimitiveKind.SByte or PrimitiveKind.Byte
            or PrimitiveKind.Boolean or PrimitiveKind.Int16 or PrimitiveKind.UInt16 or PrimitiveKind.Char)
            return false;
        _newAliasSlot = slot;
        return true;
    }

    /// <summary>Drops the aliases an instruction consumed, records the one it made, and materializes
    /// everything before a join point (on the fall-through path only, where the code is emitted).</summary>
    private void AfterInstruction(Instruction ins, int? pops)
    {
        if (pops is null) _alias.Clear();
        else
            foreach (var index in _alias.Keys.Where(i => i >= _stack.Length - pops.Value).ToArray())
                _alias.Remove(index);
        if (_newAliasSlot >= 0)
        {
            _alias[_stack.Length] = _newAliasSlot;
            _newAliasSlot = -1;
        }
        if (ins.OpCode.FlowControl is FlowControl.Branch or FlowControl.Return or FlowControl.Throw)
            _alias.Clear();
        if (_ilIndex + 1 < _isBranchTarget.Length && _isBranchTarget[_ilIndex + 1])
            MaterializeAll();
    }

    /// <summary>
    /// How many entries an instruction that reads aliases consumes; null for the others, before which
    /// every alias is materialized.
    /// </summary>
    private static int? AliasAwarePops(Code code) => code switch
    {
        Code.Nop or Code.Ldloc or Code.Ldloc_S or Code.Ldloc_0 or Code.Ldloc_1 or Code.Ldloc_2 or Code.Ldloc_3
            or Code.Ldarg or Code.Ldarg_S or Code.Ldarg_0 or Code.Ldarg_1 or Code.Ldarg_2 or Code.Ldarg_3
            or Code.Ldc_I4 or Code.Ldc_I4_S or Code.Ldc_I4_M1 or Code.Ldc_I4_0 or Code.Ldc_I4_1 or Code.Ldc_I4_2
            or Code.Ldc_I4_3 or Code.Ldc_I4_4 or Code.Ldc_I4_5 or Code.Ldc_I4_6 or Code.Ldc_I4_7 or Code.Ldc_I4_8
            or Code.Ldc_I8 or Code.Ldc_R4 or Code.Ldc_R8 or Code.Ldnull or Code.Ldstr or Code.Ldsfld or Code.Ldsflda
            or Code.Ldloca or Code.Ldloca_S or Code.Ldarga or Code.Ldarga_S or Code.Dup => 0,
        // ret reads the value it returns in place (ldloc.0; ret, or return this).
        Code.Ret => 1,
        Code.Stloc or Code.Stloc_S or Code.Stloc_0 or Code.Stloc_1 or Code.Stloc_2 or Code.Stloc_3
            or Code.Starg or Code.Starg_S or Code.Neg or Code.Not or Code.Ldlen
            or Code.Conv_I1 or Code.Conv_I2 or Code.Conv_I4 or Code.Conv_I8 or Code.Conv_U1 or Code.Conv_U2
            or Code.Conv_U4 or Code.Conv_U8 or Code.Conv_I or Code.Conv_U or Code.Conv_R4 or Code.Conv_R8
            or Code.Ldfld or Code.Ldflda or Code.Brtrue or Code.Brtrue_S or Code.Brfalse or Code.Brfalse_S => 1,
        Code.Add or Code.Sub or Code.Mul or Code.And or Code.Or or Code.Xor or Code.Shl or Code.Shr or Code.Shr_Un
            or Code.Div or Code.Rem or Code.Div_Un or Code.Rem_Un
            or Code.Ceq or Code.Cgt or Code.Cgt_Un or Code.Clt or Code.Clt_Un
            or Code.Beq or Code.Beq_S or Code.Bne_Un or Code.Bne_Un_S or Code.Blt or Code.Blt_S or Code.Blt_Un
            or Code.Blt_Un_S or Code.Ble or Code.Ble_S or Code.Ble_Un or Code.Ble_Un_S or Code.Bgt or Code.Bgt_S
            or Code.Bgt_Un or Code.Bgt_Un_S or Code.Bge or Code.Bge_S or Code.Bge_Un or Code.Bge_Un_S
            or Code.Stfld or Code.Ldelem_I1 or Code.Ldelem_U1 or Code.Ldelem_I2 or Code.Ldelem_U2 or Code.Ldelem_I4
            or Code.Ldelem_U4 or Code.Ldelem_I8 or Code.Ldelem_I or Code.Ldelem_R4 or Code.Ldelem_R8 or Code.Ldelem_Ref
            or Code.Ldelema => 2,
        Code.Stelem_I1 or Code.Stelem_I2 or Code.Stelem_I4 or Code.Stelem_I8 or Code.Stelem_I or Code.Stelem_R8
            or Code.Stelem_Ref => 3,
        _ => null,
    };

    /// <summary>Ops whose A is a destination that only the op writes: a following stloc can retarget it.</summary>
    private static bool WritesOnlyDestination(Op op) => op is >= Op.AddI4 and <= Op.NotI8
        or >= Op.ConvI4ToR8 and <= Op.ConvI4ToI1 or >= Op.CeqI4 and <= Op.CltUnR8
        or Op.LdcI8 or Op.LdcR8 or Op.Mov or Op.LoadI4 or Op.LoadI8 or Op.LoadR8 or Op.LoadU4
        or Op.LdElemI4 or Op.LdElemU4 or Op.LdElemI8 or Op.LdElemR8 or Op.LdLen or Op.LoadStaticI4 or Op.LoadStaticI8;

    /// <summary>stloc right after the op that computed its value: the op writes the local itself.</summary>
    private bool TryFoldStore(int localSlot)
    {
        if (_alias.ContainsKey(_stack.Length - 1) || _isBranchTarget[_ilIndex] || _code.Count == 0) return false;
        var last = _code.Count - 1;
        if (_ilIndexOfPc[last] != _ilIndex - 1 || !WritesOnlyDestination(_code[last].Op) || _code[last].A != Slot(0)) return false;
        if (_alias.ContainsValue(localSlot)) return false;
        var ins = _code[last];
        ins.A = localSlot;
        _code[last] = ins;
        return true;
    }
}
