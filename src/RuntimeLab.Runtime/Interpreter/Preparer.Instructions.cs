using Mono.Cecil;
using Mono.Cecil.Cil;
using RuntimeLab.Bytecode.Importing;
using RuntimeLab.Bytecode.Loading;
using RuntimeLab.Bytecode.Metadata;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Interpreter;

internal sealed unsafe partial class Preparer
{
    private void EmitInstruction(Instruction ins)
    {
        var code = ins.OpCode.Code;
        switch (code)
        {
            case Code.Nop: case Code.Break: case Code.Readonly: case Code.Tail: case Code.Volatile: case Code.Unaligned:
            case Code.Constrained: case Code.No:
                return;
            case Code.Ldarg_0: case Code.Ldarg_1: case Code.Ldarg_2: case Code.Ldarg_3:
                EmitLoadVariable(_method.Arguments[code - Code.Ldarg_0], _method.ArgumentSlot[code - Code.Ldarg_0]);
                return;
            case Code.Ldarg: case Code.Ldarg_S:
            {
                var i = ArgIndex(ins);
                EmitLoadVariable(_method.Arguments[i], _method.ArgumentSlot[i]);
                return;
            }
            case Code.Ldarga: case Code.Ldarga_S:
                Emit(Op.LdSlotAddr, ResultSlot(0), _method.ArgumentSlot[ArgIndex(ins)]);
                return;
            case Code.Starg: case Code.Starg_S:
            {
                var i = ArgIndex(ins);
                EmitStoreVariable(_method.Arguments[i], _method.ArgumentSlot[i]);
                return;
            }
            case Code.Ldloc_0: case Code.Ldloc_1: case Code.Ldloc_2: case Code.Ldloc_3:
                EmitLoadVariable(_localTypes[code - Code.Ldloc_0], _localSlot[code - Code.Ldloc_0]);
                return;
            case Code.Ldloc: case Code.Ldloc_S:
            {
                var i = ((VariableDefinition)ins.Operand).Index;
                EmitLoadVariable(_localTypes[i], _localSlot[i]);
                return;
            }
            case Code.Ldloca: case Code.Ldloca_S:
                Emit(Op.LdSlotAddr, ResultSlot(0), _localSlot[((VariableDefinition)ins.Operand).Index]);
                return;
            case Code.Stloc_0: case Code.Stloc_1: case Code.Stloc_2: case Code.Stloc_3:
                EmitStoreVariable(_localTypes[code - Code.Stloc_0], _localSlot[code - Code.Stloc_0]);
                return;
            case Code.Stloc: case Code.Stloc_S:
            {
                var i = ((VariableDefinition)ins.Operand).Index;
                EmitStoreVariable(_localTypes[i], _localSlot[i]);
                return;
            }
            case Code.Ldnull: Emit(Op.LdcI8, ResultSlot(0)); return;
            case Code.Ldc_I4_M1: case Code.Ldc_I4_0: case Code.Ldc_I4_1: case Code.Ldc_I4_2: case Code.Ldc_I4_3:
            case Code.Ldc_I4_4: case Code.Ldc_I4_5: case Code.Ldc_I4_6: case Code.Ldc_I4_7: case Code.Ldc_I4_8:
                Emit(Op.LdcI8, ResultSlot(0), imm: code - Code.Ldc_I4_0);
                return;
            case Code.Ldc_I4_S: Emit(Op.LdcI8, ResultSlot(0), imm: (sbyte)ins.Operand); return;
            case Code.Ldc_I4: Emit(Op.LdcI8, ResultSlot(0), imm: (int)ins.Operand); return;
            case Code.Ldc_I8: Emit(Op.LdcI8, ResultSlot(0), imm: (long)ins.Operand); return;
            case Code.Ldc_R4: Emit(Op.LdcR4, ResultSlot(0), imm: BitConverter.SingleToInt32Bits((float)ins.Operand)); return;
            case Code.Ldc_R8: Emit(Op.LdcR8, ResultSlot(0), imm: BitConverter.DoubleToInt64Bits((double)ins.Operand)); return;
            case Code.Dup:
                // dup of a local's alias is a second alias (bi.vx -= … reads bi twice): no code.
                if (_alias.TryGetValue(_stack.Length - 1, out var aliased))
                {
                    _newAliasSlot = aliased;
                    return;
                }
                EmitMove(ResultSlot(0), Slot(0), SlotsOf(Entry(0)));
                return;
            case Code.Pop: return;
            case Code.Ret:
                Emit(Op.Ret, _stack.Length > 0 ? Src(0) : 0, _method.ReturnSlots);
                return;
            case Code.Br: case Code.Br_S: EmitBranch(Op.Br, (Instruction)ins.Operand); return;
            case Code.Brtrue: case Code.Brtrue_S: EmitTruth(Op.BrTrue, ins); return;
            case Code.Brfalse: case Code.Brfalse_S: EmitTruth(Op.BrFalse, ins); return;
            case Code.Beq: case Code.Beq_S: EmitCompareBranch(ins, Op.BeqI4, Op.BeqI8, Op.BeqR8); return;
            case Code.Bne_Un: case Code.Bne_Un_S: EmitCompareBranch(ins, Op.BneUnI4, Op.BneUnI8, Op.BneUnR8); return;
            case Code.Blt: case Code.Blt_S: EmitCompareBranch(ins, Op.BltI4, Op.BltI8, Op.BltR8); return;
            case Code.Blt_Un: case Code.Blt_Un_S: EmitCompareBranch(ins, Op.BltUnI4, Op.BltUnI8, Op.BltUnR8); return;
            case Code.Ble: case Code.Ble_S: EmitCompareBranch(ins, Op.BleI4, Op.BleI8, Op.BleR8); return;
            case Code.Ble_Un: case Code.Ble_Un_S: EmitCompareBranch(ins, Op.BleUnI4, Op.BleUnI8, Op.BleUnR8); return;
            case Code.Bgt: case Code.Bgt_S: EmitCompareBranch(ins, Op.BgtI4, Op.BgtI8, Op.BgtR8); return;
            case Code.Bgt_Un: case Code.Bgt_Un_S: EmitCompareBranch(ins, Op.BgtUnI4, Op.BgtUnI8, Op.BgtUnR8); return;
            case Code.Bge: case Code.Bge_S: EmitCompareBranch(ins, Op.BgeI4, Op.BgeI8, Op.BgeR8); return;
            case Code.Bge_Un: case Code.Bge_Un_S: EmitCompareBranch(ins, Op.BgeUnI4, Op.BgeUnI8, Op.BgeUnR8); return;
            case Code.Switch:
            {
                var targets = (Instruction[])ins.Operand;
                var table = new int[targets.Length];
                _switchFixups.Add((table, targets));
                Emit(Op.Switch, Slot(0), token: Token(table), imm: targets.Length);
                return;
            }
            case Code.Ceq: EmitCompare(Op.CeqI4, Op.CeqI8, Op.CeqR8); return;
            case Code.Cgt: EmitCompare(Op.CgtI4, Op.CgtI8, Op.CgtR8); return;
            case Code.Cgt_Un: EmitCompare(Op.CgtUnI4, Op.CgtUnI8, Op.CgtUnR8); return;
            case Code.Clt: EmitCompare(Op.CltI4, Op.CltI8, Op.CltR8); return;
            case Code.Clt_Un: EmitCompare(Op.CltUnI4, Op.CltUnI8, Op.CltUnR8); return;
            case Code.Add: EmitArith(Op.AddI4, Op.AddI8, Op.AddR4, Op.AddR8); return;
            case Code.Sub: EmitArith(Op.SubI4, Op.SubI8, Op.SubR4, Op.SubR8); return;
            case Code.Mul: EmitArith(Op.MulI4, Op.MulI8, Op.MulR4, Op.MulR8); return;
            case Code.Div: EmitArith(Op.DivI4, Op.DivI8, Op.DivR4, Op.DivR8); return;
            case Code.Rem: EmitArith(Op.RemI4, Op.RemI8, Op.RemR4, Op.RemR8); return;
            case Code.Div_Un: EmitArith(Op.DivUnI4, Op.DivUnI8, Op.Nop, Op.Nop); return;
            case Code.Rem_Un: EmitArith(Op.RemUnI4, Op.RemUnI8, Op.Nop, Op.Nop); return;
            case Code.And: EmitArith(Op.AndI4, Op.AndI8, Op.Nop, Op.Nop); return;
            case Code.Or: EmitArith(Op.OrI4, Op.OrI8, Op.Nop, Op.Nop); return;
            case Code.Xor: EmitArith(Op.XorI4, Op.XorI8, Op.Nop, Op.Nop); return;
            case Code.Add_Ovf: EmitArith(Op.AddOvfI4, Op.AddOvfI8, Op.Nop, Op.Nop); return;
            case Code.Add_Ovf_Un: EmitArith(Op.AddOvfUnI4, Op.AddOvfUnI8, Op.Nop, Op.Nop); return;
            case Code.Sub_Ovf: EmitArith(Op.SubOvfI4, Op.SubOvfI8, Op.Nop, Op.Nop); return;
            case Code.Sub_Ovf_Un: EmitArith(Op.SubOvfUnI4, Op.SubOvfUnI8, Op.Nop, Op.Nop); return;
            case Code.Mul_Ovf: EmitArith(Op.MulOvfI4, Op.MulOvfI8, Op.Nop, Op.Nop); return;
            case Code.Mul_Ovf_Un: EmitArith(Op.MulOvfUnI4, Op.MulOvfUnI8, Op.Nop, Op.Nop); return;
            case Code.Shl: EmitShift(Op.ShlI4, Op.ShlI8); return;
            case Code.Shr: EmitShift(Op.ShrI4, Op.ShrI8); return;
            case Code.Shr_Un: EmitShift(Op.ShrUnI4, Op.ShrUnI8); return;
            case Code.Neg:
                Emit(Entry(0).Kind switch { StackKind.Int32 => Op.NegI4, StackKind.Float32 => Op.NegR4, StackKind.Float64 => Op.NegR8, _ => Op.NegI8 }, Slot(0), Src(0));
                return;
            case Code.Not: Emit(Entry(0).Kind == StackKind.Int32 ? Op.NotI4 : Op.NotI8, Slot(0), Src(0)); return;
            case Code.Conv_I1: EmitConv(ConvTarget.I1, false, false); return;
            case Code.Conv_U1: EmitConv(ConvTarget.U1, false, false); return;
            case Code.Conv_I2: EmitConv(ConvTarget.I2, false, false); return;
            case Code.Conv_U2: EmitConv(ConvTarget.U2, false, false); return;
            case Code.Conv_I4: EmitConv(ConvTarget.I4, false, false); return;
            case Code.Conv_U4: EmitConv(ConvTarget.U4, false, false); return;
            case Code.Conv_I8: EmitConv(ConvTarget.I8, false, false); return;
            case Code.Conv_U8: EmitConv(ConvTarget.U8, false, false); return;
            case Code.Conv_I: EmitConv(ConvTarget.I, false, false); return;
            case Code.Conv_U: EmitConv(ConvTarget.U, false, false); return;
            case Code.Conv_R4: EmitConv(ConvTarget.R4, false, false); return;
            case Code.Conv_R8: EmitConv(ConvTarget.R8, false, false); return;
            case Code.Conv_R_Un: EmitConv(ConvTarget.RUn, false, true); return;
            case Code.Conv_Ovf_I1: EmitConv(ConvTarget.I1, true, false); return;
            case Code.Conv_Ovf_U1: EmitConv(ConvTarget.U1, true, false); return;
            case Code.Conv_Ovf_I2: EmitConv(ConvTarget.I2, true, false); return;
            case Code.Conv_Ovf_U2: EmitConv(ConvTarget.U2, true, false); return;
            case Code.Conv_Ovf_I4: EmitConv(ConvTarget.I4, true, false); return;
            case Code.Conv_Ovf_U4: EmitConv(ConvTarget.U4, true, false); return;
            case Code.Conv_Ovf_I8: EmitConv(ConvTarget.I8, true, false); return;
            case Code.Conv_Ovf_U8: EmitConv(ConvTarget.U8, true, false); return;
            case Code.Conv_Ovf_I: EmitConv(ConvTarget.I, true, false); return;
            case Code.Conv_Ovf_U: EmitConv(ConvTarget.U, true, false); return;
            case Code.Conv_Ovf_I1_Un: EmitConv(ConvTarget.I1, true, true); return;
            case Code.Conv_Ovf_U1_Un: EmitConv(ConvTarget.U1, true, true); return;
            case Code.Conv_Ovf_I2_Un: EmitConv(ConvTarget.I2, true, true); return;
            case Code.Conv_Ovf_U2_Un: EmitConv(ConvTarget.U2, true, true); return;
            case Code.Conv_Ovf_I4_Un: EmitConv(ConvTarget.I4, true, true); return;
            case Code.Conv_Ovf_U4_Un: EmitConv(ConvTarget.U4, true, true); return;
            case Code.Conv_Ovf_I8_Un: EmitConv(ConvTarget.I8, true, true); return;
            case Code.Conv_Ovf_U8_Un: EmitConv(ConvTarget.U8, true, true); return;
            case Code.Conv_Ovf_I_Un: EmitConv(ConvTarget.I, true, true); return;
            case Code.Conv_Ovf_U_Un: EmitConv(ConvTarget.U, true, true); return;
            case Code.Ckfinite: Emit(Entry(0).Kind == StackKind.Float32 ? Op.CkFiniteR4 : Op.CkFiniteR8, Slot(0), Slot(0)); return;
            case Code.Ldind_I1: Emit(Op.LoadI1, Slot(0), Slot(0)); return;
            case Code.Ldind_U1: Emit(Op.LoadU1, Slot(0), Slot(0)); return;
            case Code.Ldind_I2: Emit(Op.LoadI2, Slot(0), Slot(0)); return;
            case Code.Ldind_U2: Emit(Op.LoadU2, Slot(0), Slot(0)); return;
            case Code.Ldind_I4: Emit(Op.LoadI4, Slot(0), Slot(0)); return;
            case Code.Ldind_U4: Emit(Op.LoadU4, Slot(0), Slot(0)); return;
            case Code.Ldind_I8: case Code.Ldind_I: case Code.Ldind_Ref: Emit(Op.LoadI8, Slot(0), Slot(0)); return;
            case Code.Ldind_R4: Emit(Op.LoadR4, Slot(0), Slot(0)); return;
            case Code.Ldind_R8: Emit(Op.LoadR8, Slot(0), Slot(0)); return;
            case Code.Stind_I1: Emit(Op.StoreI1, Slot(1), Slot(0)); return;
            case Code.Stind_I2: Emit(Op.StoreI2, Slot(1), Slot(0)); return;
            case Code.Stind_I4: Emit(Op.StoreI4, Slot(1), Slot(0)); return;
            case Code.Stind_I8: case Code.Stind_I: Emit(Op.StoreI8, Slot(1), Slot(0)); return;
            case Code.Stind_R4: EmitFloatStore(Slot(1), Slot(0), Entry(0)); return;
            case Code.Stind_R8: EmitToR8(0); Emit(Op.StoreI8, Slot(1), Slot(0)); return;
            case Code.Stind_Ref: Emit(Op.StoreRef, Slot(1), Slot(0)); return;
            case Code.Ldobj: EmitLoadThrough(Types.Get(Close((TypeReference)ins.Operand)), Slot(0), Slot(0), 0); return;
            case Code.Stobj: EmitStoreThrough(Types.Get(Close((TypeReference)ins.Operand)), Slot(1), Slot(0), 0, Entry(0)); return;
            case Code.Cpobj:
            {
                var t = Types.Get(Close((TypeReference)ins.Operand));
                Emit(Op.CopyObj, Slot(1), Slot(0), t.ValueSize, token: Token(t));
                return;
            }
            case Code.Initobj:
            {
                var t = Types.Get(Close((TypeReference)ins.Operand));
                Emit(Op.InitObj, Slot(0), 0, t.ValueSize);
                return;
            }
            case Code.Ldstr:
                Emit(Op.LdcI8, ResultSlot(0), imm: _vm.Strings.Intern((string)ins.Operand));
                return;
            case Code.Ldfld: EmitLoadField(ins); return;
            case Code.Ldflda:
            {
                var f = ResolveField((FieldReference)ins.Operand);
                Emit(Op.AddrOf, Slot(0), Src(0), imm: f.Offset);
                return;
            }
            case Code.Stfld:
            {
                var f = ResolveField((FieldReference)ins.Operand);
                if (Entry(0).IsFloat) Materialize(_stack.Length - 1); // a float store may convert its value in place
                EmitStoreThrough(f.FieldType, Src(1), Src(0), f.Offset, Entry(0));
                return;
            }
            case Code.Ldsfld: case Code.Ldsflda: case Code.Stsfld: EmitStaticField(ins); return;
            case Code.Call: case Code.Callvirt: case Code.Newobj: EmitCall(ins); return;
            case Code.Calli: EmitUnsupported("calli (function pointers)"); return;
            case Code.Jmp: EmitUnsupported("jmp"); return;
            case Code.Ldftn:
                Emit(Op.LdFtn, ResultSlot(0), token: Token(Types.Resolve(_imp.Callees[_ilIndex]!, Caller)));
                return;
            case Code.Ldvirtftn:
                Emit(Op.LdVirtFtn, Slot(0), Slot(0), token: Token(Types.Resolve(_imp.Callees[_ilIndex]!, Caller)));
                return;
            case Code.Newarr:
                Emit(Op.NewArr, Slot(0), Slot(0), token: Token(Types.Get(new ArrayType(Close((TypeReference)ins.Operand)))));
                return;
            case Code.Ldlen: Emit(Op.LdLen, Slot(0), Src(0)); return;
            case Code.Ldelema:
            {
                var t = Types.Get(Close((TypeReference)ins.Operand));
                Emit(Op.LdElemA, Slot(1), Src(1), Src(0), imm: t.ValueSize, token: _readonlyPrefix() || !t.IsReferenceType ? -1 : Token(t));
                return;
            }
            case Code.Ldelem_I1: Emit(Op.LdElemI1, Slot(1), Src(1), Src(0)); return;
            case Code.Ldelem_U1: Emit(Op.LdElemU1, Slot(1), Src(1), Src(0)); return;
            case Code.Ldelem_I2: Emit(Op.LdElemI2, Slot(1), Src(1), Src(0)); return;
            case Code.Ldelem_U2: Emit(Op.LdElemU2, Slot(1), Src(1), Src(0)); return;
            case Code.Ldelem_I4: Emit(Op.LdElemI4, Slot(1), Src(1), Src(0)); return;
            case Code.Ldelem_U4: Emit(Op.LdElemU4, Slot(1), Src(1), Src(0)); return;
            case Code.Ldelem_I8: case Code.Ldelem_I: case Code.Ldelem_Ref: Emit(Op.LdElemI8, Slot(1), Src(1), Src(0)); return;
            case Code.Ldelem_R4: Emit(Op.LdElemR4, Slot(1), Src(1), Src(0)); return;
            case Code.Ldelem_R8: Emit(Op.LdElemR8, Slot(1), Src(1), Src(0)); return;
            case Code.Ldelem_Any: EmitLoadElement(Types.Get(Close((TypeReference)ins.Operand))); return;
            case Code.Stelem_I1: Emit(Op.StElemI1, Src(2), Src(1), Src(0)); return;
            case Code.Stelem_I2: Emit(Op.StElemI2, Src(2), Src(1), Src(0)); return;
            case Code.Stelem_I4: Emit(Op.StElemI4, Src(2), Src(1), Src(0)); return;
            case Code.Stelem_I8: case Code.Stelem_I: Emit(Op.StElemI8, Src(2), Src(1), Src(0)); return;
            case Code.Stelem_R4: EmitToR4(0); Emit(Op.StElemR4, Slot(2), Slot(1), Slot(0)); return;
            case Code.Stelem_R8: EmitToR8(0); Emit(Op.StElemI8, Src(2), Src(1), Src(0)); return;
            case Code.Stelem_Ref: Emit(Op.StElemRef, Src(2), Src(1), Src(0)); return;
            case Code.Stelem_Any: EmitStoreElement(Types.Get(Close((TypeReference)ins.Operand))); return;
            case Code.Box: EmitBox(Types.Get(Close((TypeReference)ins.Operand))); return;
            case Code.Unbox_Any:
            {
                var t = Types.Get(Close((TypeReference)ins.Operand));
                if (t.IsReferenceType) Emit(Op.CastClass, Slot(0), Slot(0), token: Token(t));
                else Emit(t.IsNullable ? Op.UnboxAnyNullable : Op.UnboxAny, Slot(0), Slot(0), t.ValueSize, token: Token(t));
                return;
            }
            case Code.Unbox:
                Emit(Op.Unbox, Slot(0), Slot(0), token: Token(Types.Get(Close((TypeReference)ins.Operand))));
                return;
            case Code.Castclass: Emit(Op.CastClass, Slot(0), Slot(0), token: Token(Types.Get(Close((TypeReference)ins.Operand)))); return;
            case Code.Isinst: Emit(Op.IsInst, Slot(0), Slot(0), token: Token(Types.Get(Close((TypeReference)ins.Operand)))); return;
            case Code.Throw: Emit(Op.Throw, Slot(0)); return;
            case Code.Rethrow: Emit(Op.Rethrow); return;
            case Code.Leave: case Code.Leave_S: EmitLeave(ins); return;
            case Code.Endfinally: Emit(Op.EndFinally); return;
            case Code.Endfilter: Emit(Op.EndFilter, Slot(0)); return;
            case Code.Ldtoken: EmitLdToken(ins.Operand); return;
            case Code.Sizeof: Emit(Op.LdcI8, ResultSlot(0), imm: Types.Get(Close((TypeReference)ins.Operand)).ValueSize); return;
            case Code.Localloc: Emit(Op.Localloc, Slot(0), Slot(0)); return;
            case Code.Initblk: Emit(Op.InitBlk, Slot(2), Slot(1), Slot(0)); return;
            case Code.Cpblk: Emit(Op.CopyBlk, Slot(2), Slot(1), Slot(0)); return;
            default:
                EmitUnsupported($"the {ins.OpCode.Name} instruction");
                return;
        }
    }

    private readonly List<(int[] Table, Instruction[] Targets)> _switchFixups = [];

    private bool _readonlyPrefix() => _ilIndex > 0 && _imp.Instructions[_ilIndex - 1].OpCode.Code == Code.Readonly;

    private TypeReference Close(TypeReference t) => _method.Context.Close(t);

    private int ArgIndex(Instruction ins) => ((ParameterDefinition)ins.Operand).Index + (_method.Definition.HasThis ? 1 : 0);

    private void EmitUnsupported(string what) => EmitUnsupportedException(new UnsupportedMemberException(what, Caller));

    private void EmitUnsupportedException(UnsupportedMemberException e) => Emit(Op.Unsupported, token: Token(e));

    private void EmitMove(int dst, int src, int slots)
    {
        if (dst == src) return;
        if (slots == 1) Emit(Op.Mov, dst, src);
        else Emit(Op.MovN, dst, src, slots);
    }

    private void EmitLoadVariable(RuntimeType type, int slot)
    {
        if (type.StackEntry.Kind != StackKind.ValueType && TryAlias(type, slot)) return;
        var dst = ResultSlot(0);
        switch (type.Primitive)
        {
            case PrimitiveKind.SByte: Emit(Op.NarrowI1, dst, slot); return;
            case PrimitiveKind.Byte: case PrimitiveKind.Boolean: Emit(Op.NarrowU1, dst, slot); return;
            case PrimitiveKind.Int16: Emit(Op.NarrowI2, dst, slot); return;
            case PrimitiveKind.UInt16: case PrimitiveKind.Char: Emit(Op.NarrowU2, dst, slot); return;
            // A 4-byte store through a byref (stind.i4 into an `out int` local) leaves the slot's
            // upper half as it was: sign-extend on load, as for the smaller types.
            case PrimitiveKind.Int32: case PrimitiveKind.UInt32: Emit(Op.NarrowU4, dst, slot); return;
        }
        EmitMove(dst, slot, Math.Max(1, type.Slots));
    }

    private void EmitStoreVariable(RuntimeType type, int slot)
    {
        if (type.Primitive == PrimitiveKind.Single) EmitToR4(0);
        else if (type.Primitive == PrimitiveKind.Double) EmitToR8(0);
        var slots = Math.Max(1, type.Slots);
        if (slots == 1 && TryFoldStore(slot)) return;
        MaterializeAliasesOf(slot, exceptIndex: _stack.Length - 1);
        EmitMove(slot, Src(0), slots);
    }

    /// <summary>F values headed for float32 storage are rounded to float32 first (and float64 ones widened).</summary>
    private void EmitToR4(int fromTop)
    {
        if (Entry(fromTop).Kind != StackKind.Float64) return;
        Emit(Op.ConvR8ToR4, Slot(fromTop), Src(fromTop));
        _alias.Remove(_stack.Length - 1 - fromTop); // converted into its own slot
    }

    private void EmitToR8(int fromTop)
    {
        if (Entry(fromTop).Kind != StackKind.Float32) return;
        Emit(Op.ConvR4ToR8, Slot(fromTop), Src(fromTop));
        _alias.Remove(_stack.Length - 1 - fromTop);
    }

    private void EmitFloatStore(int addressSlot, int valueSlot, StackEntry value)
    {
        if (value.Kind == StackKind.Float64) Emit(Op.ConvR8ToR4, valueSlot, valueSlot);
        Emit(Op.StoreR4, addressSlot, valueSlot);
    }

    private void EmitTruth(Op op, Instruction ins)
    {
        if (Entry(0).IsFloat) // brtrue on F is unusual but legal: compare against zero
        {
            EmitToR8(0);
            MaterializeBelow(1);
            EmitBranch(op == Op.BrTrue ? Op.BneUnR8 : Op.BeqR8, (Instruction)ins.Operand, Src(0), ZeroSlot());
            return;
        }
        MaterializeBelow(1);
        EmitBranch(op, (Instruction)ins.Operand, Src(0));
    }

    /// <summary>A scratch slot above the stack holding 0.0 (for the rare brtrue on a float).</summary>
    private int ZeroSlot()
    {
        var slot = _positions[^1];
        Emit(Op.LdcR8, slot, imm: 0);
        return slot;
    }

    private Op Pick(Op i4, Op i8, Op r8)
    {
        var a = Entry(1);
        var b = Entry(0);
        if (a.IsFloat || b.IsFloat)
        {
            EmitToR8(1);
            EmitToR8(0);
            return r8;
        }
        return a.Kind == StackKind.Int32 && b.Kind == StackKind.Int32 ? i4 : i8;
    }

    private void EmitCompareBranch(Instruction ins, Op i4, Op i8, Op r8)
    {
        var op = Pick(i4, i8, r8);
        var immediate = ImmediateBranch(op);
        if (immediate != Op.Nop && TryTakeInt32Constant(out var k))
        {
            MaterializeBelow(2);
            _fixups.Add((_code.Count, (Instruction)ins.Operand));
            Emit(immediate, Src(1), c: k);
            return;
        }
        MaterializeBelow(2);
        EmitBranch(op, (Instruction)ins.Operand, Src(1), Src(0));
    }

    private void EmitCompare(Op i4, Op i8, Op r8)
    {
        var op = Pick(i4, i8, r8);
        Emit(op, ResultSlot(2), Src(1), Src(0));
    }

    private void EmitArith(Op i4, Op i8, Op r4, Op r8)
    {
        var a = Entry(1);
        var b = Entry(0);
        Op op;
        if (a.IsFloat || b.IsFloat)
        {
            if (a.Kind == StackKind.Float32 && b.Kind == StackKind.Float32) op = r4;
            else
            {
                EmitToR8(1);
                EmitToR8(0);
                op = r8;
            }
        }
        else op = a.Kind == StackKind.Int32 && b.Kind == StackKind.Int32 ? i4 : i8;
        if (op == Op.Nop) throw new InvalidIlException(Caller, _ilOffset, $"{_imp.Instructions[_ilIndex].OpCode.Name} on {a} and {b}");
        if (op == i4 && TryEmitArithmeticImmediate(op)) return;
        Emit(op, ResultSlot(2), Src(1), Src(0));
    }

    private void EmitShift(Op i4, Op i8)
    {
        if (Entry(1).Kind == StackKind.Int32 && TryEmitArithmeticImmediate(i4)) return;
        Emit(Entry(1).Kind == StackKind.Int32 ? i4 : i8, ResultSlot(2), Src(1), Src(0));
    }

    private void EmitConv(ConvTarget target, bool check, bool unsignedSource)
    {
        var source = Entry(0).Kind;
        var slot = Slot(0);
        // ldlen; conv.i4 (every `i < a.Length`): the length already sits in its slot as an int32.
        if (!check && target == ConvTarget.I4 && LastOpComputedTop(Op.LdLen, out _)) return;
        if (!check)
        {
            var fast = (source, target) switch
            {
                (StackKind.Int32, ConvTarget.R8) => Op.ConvI4ToR8,
                (StackKind.Int64 or StackKind.NativeInt, ConvTarget.R8) => Op.ConvI8ToR8,
                (StackKind.Float64, ConvTarget.I4) => Op.ConvR8ToI4,
                (StackKind.Float32, ConvTarget.R8) => Op.ConvR4ToR8,
                (StackKind.Float64, ConvTarget.R4) => Op.ConvR8ToR4,
                (StackKind.Int64 or StackKind.NativeInt, ConvTarget.I4) => Op.ConvI8ToI4,
                (StackKind.Int32, ConvTarget.U8 or ConvTarget.U) => Op.ConvU4ToI8,
                (StackKind.Int32 or StackKind.Int64 or StackKind.NativeInt, ConvTarget.U1) => Op.ConvI4ToU1,
                (StackKind.Int32 or StackKind.Int64 or StackKind.NativeInt, ConvTarget.U2) => Op.ConvI4ToU2,
                (StackKind.Int32 or StackKind.Int64 or StackKind.NativeInt, ConvTarget.I2) => Op.ConvI4ToI2,
                (StackKind.Int32 or StackKind.Int64 or StackKind.NativeInt, ConvTarget.I1) => Op.ConvI4ToI1,
                // Sign-extended int32 slots already are valid int64 / native int values.
                (StackKind.Int32, ConvTarget.I8 or ConvTarget.I or ConvTarget.I4) => Op.Nop,
                (StackKind.Int64 or StackKind.NativeInt or StackKind.ObjRef or StackKind.ByRef, ConvTarget.I8 or ConvTarget.U8 or ConvTarget.I or ConvTarget.U) => Op.Nop,
                (StackKind.Float32, ConvTarget.R4) or (StackKind.Float64, ConvTarget.R8) => Op.Nop,
                _ => Op.Convert,
            };
            if (fast == Op.Nop)
            {
                Materialize(_stack.Length - 1); // the value stays as it is, in its own slot
                return;
            }
            if (fast != Op.Convert)
            {
                Emit(fast, slot, Src(0));
                return;
            }
        }
        var kind = source is StackKind.ObjRef or StackKind.ByRef ? StackKind.NativeInt : source;
        Emit(Op.Convert, slot, Src(0), ConversionCode.Make(kind, target, check, unsignedSource));
    }
}
