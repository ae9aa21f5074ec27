using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Runtime.Interpreter;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Jit;

/// <summary>Moves, memory, statics and control flow: everything but arithmetic and arrays.</summary>
internal sealed unsafe partial class MethodCompiler
{
    /// <summary>Operations that only occur in methods with exception clauses, which do not compile.</summary>
    private static bool IsLowered(Op op) => true;

    /// <summary>Lowers <paramref name="ins"/> inline; false sends it to the helper.</summary>
    private bool LowerInline(Instr ins)
    {
        var (a, b, c) = (ins.A, ins.B, ins.C);
        switch (ins.Op)
        {
            case Op.Nop: case Op.LoopHeader: return true;
            // Handler bodies run in the interpreter only (see Pending): their ends are never reached here.
            case Op.EndFinally: case Op.EndFilter: Core.BuildUnreachable(_b); return true;
            case Op.Mov: StoreI64(a, LoadI64(b)); return true;
            case Op.MovN:
            {
                // Slots may overlap: load them all before storing any.
                var values = new ValueRef[c];
                for (var i = 0; i < c; i++) values[i] = LoadI64(b + i);
                for (var i = 0; i < c; i++) StoreI64(a + i, values[i]);
                return true;
            }
            case Op.LdcI8: case Op.LdcR8: StoreI64(a, I64(ins.Imm)); return true;
            case Op.LdcR4: Core.BuildStore(_b, Core.ConstInt(_t.I32, (int)ins.Imm), SlotAddress(a)); return true;
            case Op.LdSlotAddr: StorePointer(a, SlotAddress(b)); return true;

            case Op.LoadI1: LoadField(ins, 8, signed: true); return true;
            case Op.LoadU1: LoadField(ins, 8, signed: false); return true;
            case Op.LoadI2: LoadField(ins, 16, signed: true); return true;
            case Op.LoadU2: LoadField(ins, 16, signed: false); return true;
            case Op.LoadI4: case Op.LoadU4: LoadField(ins, 32, signed: true); return true; // as the interpreter: sign-extended
            case Op.LoadI8: case Op.LoadR8: LoadField(ins, 64, signed: true); return true;
            case Op.LoadR4:
            {
                var address = NullCheckedAddress(b, ins.Imm);
                StoreF32(a, Core.BuildLoad(_b, _t.F32, address, ""));
                return true;
            }
            case Op.LoadN:
            {
                // Byte-wise into the frame, then into the slots' allocas (a struct spans several).
                var address = NullCheckedAddress(b, ins.Imm);
                Core.BuildMemCpy(_b, FrameAddress(a), 8, address, 1, I64(c));
                if (_mirror.Length > 0)
                    for (var i = 0; i < (c + 7) / 8; i++) ReloadSlot(a + i);
                return true;
            }
            case Op.AddrOf: StorePointer(a, NullCheckedAddress(b, ins.Imm)); return true;
            case Op.StoreI1: StoreField(ins, 8); return true;
            case Op.StoreI2: StoreField(ins, 16); return true;
            case Op.StoreI4: StoreField(ins, 32); return true;
            case Op.StoreI8: StoreField(ins, 64); return true;
            case Op.StoreR4:
            {
                var address = NullCheckedAddress(a, ins.Imm);
                Core.BuildStore(_b, LoadF32(b), address);
                return true;
            }
            case Op.StoreRef:
            {
                var address = NullCheckedAddress(a, ins.Imm);
                Core.BuildStore(_b, LoadPointer(b), address);
                WriteBarrier(address);
                return true;
            }
            case Op.LoadStaticI4: StoreI32(a, Core.BuildLoad(_b, _t.I32, Absolute(ins.Imm), "static")); return true;
            case Op.LoadStaticI8: StoreI64(a, Core.BuildLoad(_b, _t.I64, Absolute(ins.Imm), "static")); return true;
            case Op.StoreStaticI4: Core.BuildStore(_b, LoadI32(a), Absolute(ins.Imm)); return true;
            case Op.StoreStaticI8: Core.BuildStore(_b, LoadI64(a), Absolute(ins.Imm)); return true;
            case Op.NarrowI1: StoreI64(a, Core.BuildSExt(_b, Core.BuildTrunc(_b, LoadI64(b), _t.I8, ""), _t.I64, "")); return true;
            case Op.NarrowU1: StoreI64(a, Core.BuildZExt(_b, Core.BuildTrunc(_b, LoadI64(b), _t.I8, ""), _t.I64, "")); return true;
            case Op.NarrowI2: StoreI64(a, Core.BuildSExt(_b, Core.BuildTrunc(_b, LoadI64(b), _t.I16, ""), _t.I64, "")); return true;
            case Op.NarrowU2: StoreI64(a, Core.BuildZExt(_b, Core.BuildTrunc(_b, LoadI64(b), _t.I16, ""), _t.I64, "")); return true;
            case Op.NarrowU4: StoreI32(a, LoadI32(b)); return true;

            case Op.ClassInit:
                // Once the type is initialized the interpreter rewrites this to a Nop; compiled code
                // checks nothing then. Before, the helper runs (and re-checks) the initializer.
                return ((RuntimeType)_pm.Tokens[ins.Token]).InitState == ClassInitState.Done;
            case Op.CallInternal: return LowerIntrinsic(ins);
            case Op.Call: return LowerDirectCall(ins);
            case Op.NewObj: return LowerNewObject(ins);
            case Op.NewArr: return LowerNewArray(ins);
            case Op.CallVirt: case Op.CallInterface: return LowerVirtualCall(ins);

            case Op.Br: Core.BuildBr(_b, _blocks[ins.Imm]); return true;
            case Op.BrTrue: Branch(Core.BuildICmp(_b, IntPredicate.Ne, LoadI64(a), I64(0), ""), ins); return true;
            case Op.BrFalse: Branch(Core.BuildICmp(_b, IntPredicate.Eq, LoadI64(a), I64(0), ""), ins); return true;
            case Op.Switch: LowerSwitch(ins); return true;
            case Op.Ret:
                if (b == 1) StoreI64(0, LoadI64(a));
                else if (b > 1) LowerInline(new Instr { Op = Op.MovN, A = 0, B = a, C = b });
                if (_mirror.Length > 0)
                    for (var i = 0; i < b; i++) SpillSlot(i);
                PopFrame();
                Core.BuildRet(_b, I32(0));
                return true;
        }
        return LowerArithmetic(ins) || LowerComparison(ins) || LowerArray(ins);
    }

    private void Branch(ValueRef condition, Instr ins) => Core.BuildCondBr(_b, condition, _blocks[ins.Imm], Next);

    private void LowerSwitch(Instr ins)
    {
        var targets = (int[])_pm.Tokens[ins.Token];
        var index = LoadI32(ins.A);
        var branch = Core.BuildSwitch(_b, index, Next, (uint)targets.Length);
        for (var i = 0; i < targets.Length; i++) Core.AddCase(branch, I32(i), _blocks[targets[i]]);
    }

    /// <summary>Internal calls with an exact LLVM equivalent become that instruction (Math.Sqrt is
    /// one IEEE square root in both); the others run through the helper.</summary>
    private bool LowerIntrinsic(Instr ins)
    {
        var name = ((InternalCalls.InternalCall)_pm.Tokens[ins.Token]).Name;
        if (LowerArrayIntrinsic(ins, name)) return true;
        var (intrinsic, type) = name switch
        {
            "System.Math::Sqrt(System.Double)" => ("llvm.sqrt", _t.F64),
            "System.Math::Floor(System.Double)" => ("llvm.floor", _t.F64),
            "System.Math::Ceiling(System.Double)" => ("llvm.ceil", _t.F64),
            "System.Math::Truncate(System.Double)" => ("llvm.trunc", _t.F64),
            _ => ("", default(TypeRef)),
        };
        if (intrinsic.Length == 0) return false;
        var value = Core.BuildLoad(_b, type, SlotAddress(ins.A), "");
        Core.BuildStore(_b, Intrinsics.Call(_module, _b, intrinsic, [type], [value]), SlotAddress(ins.A));
        return true;
    }

    private ValueRef Absolute(long address) => Core.ConstIntToPtr(Core.ConstInt(_t.I64, address), _t.Ptr);

    /// <summary>The address in slot <paramref name="slot"/> plus <paramref name="offset"/>, after a null check.</summary>
    private ValueRef NullCheckedAddress(int slot, long offset)
    {
        var pointer = LoadPointer(slot);
        NullCheck(pointer);
        return ByteOffset(pointer, offset);
    }

    private void LoadField(Instr ins, int bits, bool signed)
    {
        var address = NullCheckedAddress(ins.B, ins.Imm);
        var value = Core.BuildLoad(_b, IntType(bits), address, "field");
        if (bits < 64) value = signed ? Core.BuildSExt(_b, value, _t.I64, "") : Core.BuildZExt(_b, value, _t.I64, "");
        StoreI64(ins.A, value);
    }

    private void StoreField(Instr ins, int bits)
    {
        var address = NullCheckedAddress(ins.A, ins.Imm);
        var value = LoadI64(ins.B);
        if (bits < 64) value = Core.BuildTrunc(_b, value, IntType(bits), "");
        Core.BuildStore(_b, value, address);
    }

    /// <summary>The card-marking barrier (<see cref="Gc.GcHeap.StoreRef"/>), inline: a byref may point
    /// outside the heap, where no card is marked.</summary>
    private void WriteBarrier(ValueRef slotAddress)
    {
        var barrier = _env.Barrier;
        var offset = Core.BuildSub(_b, Core.BuildPtrToInt(_b, slotAddress, _t.I64, ""), I64(barrier.HeapBase), "heap.offset");
        var inHeap = Core.BuildICmp(_b, IntPredicate.Ult, offset, I64((long)barrier.HeapBytes), "in.heap");
        var mark = _module.AppendBlock(_function, $"pc{_pc}.card");
        var done = _module.AppendBlock(_function, $"pc{_pc}.stored");
        Core.BuildCondBr(_b, inHeap, mark, done);
        Core.PositionBuilderAtEnd(_b, mark);
        var card = Core.BuildInBoundsGep(_b, _t.I8, Absolute(barrier.Cards), [Core.BuildLShr(_b, offset, I64(barrier.CardShift), "card")], "");
        Core.BuildStore(_b, Core.ConstInt(_t.I8, 1), card);
        Core.BuildBr(_b, done);
        Core.PositionBuilderAtEnd(_b, done);
    }
}
