using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Runtime.Interpreter;

namespace RuntimeLab.Runtime.Jit;

/// <summary>
/// The CIL frontend of the JIT: lowers one prepared method (the interpreter's three-address form,
/// whose slot types the importer fixed) to one LLVM IR function
/// <code>
///   i32 @name(ptr noalias %fp, ptr %ctx)     ; 0 = returned, 1 = an exception is pending
/// </code>
/// <para><b>Frames.</b> A compiled method keeps its values in the same frame slots as the interpreter,
/// on the same slot stack, under the same frame record. So the GC finds its roots with the same maps
/// (the slots are written before every helper call, which is the only place a collection can
/// happen), stack traces name it, and an exception crosses it like an interpreted frame. Between
/// helper calls a slot lives in an alloca of its own, which LLVM promotes to SSA registers; the
/// slots compiled code writes are stored to the frame before each helper call (the only place a
/// collection, a stack walk or a read by the interpreter can happen) and every slot is reloaded
/// after it. A method that takes a slot's address (ldloca of a struct, say) keeps every slot in the
/// frame instead, since a byref may reach any of them. <c>%fp</c> is <c>noalias</c>: only this
/// function and the helpers it passes <c>%fp</c> to touch the frame while it runs.</para>
/// <para><b>Helpers.</b> What the frontend does not lower inline (calls, allocation, type tests, the
/// general conversion) runs through <see cref="JitHelpers.Execute"/>: the interpreter's own code for
/// that one operation, so each semantic has one implementation. Checks (null, bounds, division,
/// overflow) are explicit branches to cold blocks that raise through <see cref="JitHelpers.Raise"/>.</para>
/// <para><b>Exceptions.</b> A helper never lets a host exception into native code: it parks it and
/// returns 1, and every compiled frame returns 1 in turn, up to the host frame that entered compiled
/// code, which rethrows it (<see cref="Interpreter.Interpreter"/>'s RunCompiled). A method with
/// exception clauses compiles too: an exception raised inside one of its try blocks is handed to the
/// interpreter on this frame (<see cref="Pending"/>), and handler bodies run only there, so their
/// code here is dead.</para>
/// </summary>
internal sealed unsafe partial class MethodCompiler
{
    private readonly IrModule _module;
    private readonly IrTypes _t;
    private readonly PreparedMethod _pm;
    private readonly CompilerEnvironment _env;
    private readonly BuilderRef _b;
    private readonly ValueRef _function;
    private readonly ValueRef _fp;
    private readonly ValueRef _ctx;
    private readonly BasicBlockRef[] _blocks;
    private BasicBlockRef _pending;
    private int _pc;
    /// <summary>Per slot, its alloca; empty when the slots stay in the frame (see the class comment).</summary>
    private ValueRef[] _mirror = [];
    /// <summary>Slots that compiled code may write: the ones stored back before a helper call.</summary>
    private int[] _written = [];
    /// <summary>The frame chain's depth at entry (this method's record is at that index) and the caller's stack top.</summary>
    private ValueRef _depth, _callerTop;

    /// <summary>The type of every compiled method: <c>i32 (ptr fp, ptr ctx)</c>.</summary>
    private readonly TypeRef _methodType;

    /// <summary>
    /// Built as a leaf: no frame record, no slot stack. Only a method that calls nothing, raises
    /// nothing and reaches no helper can be one — nothing can then observe its frame (no collection,
    /// no stack walk, no exception) — so building it stops with <see cref="NeedsFrame"/> at the first
    /// construct that would need the frame, and the method is built again the ordinary way.
    /// </summary>
    private readonly bool _leaf;

    private sealed class NeedsFrame : Exception;

    private void RequireFrame()
    {
        if (_leaf) throw new NeedsFrame();
    }

    private MethodCompiler(IrModule module, PreparedMethod pm, string name, CompilerEnvironment env, bool leaf = false)
    {
        _leaf = leaf;
        _module = module;
        _t = module.Types;
        _pm = pm;
        _env = env;
        _methodType = _t.Function(_t.I32, _t.Ptr, _t.Ptr);
        (_function, _b) = module.DefineFunction(name, _t.I32, _t.Ptr, _t.Ptr);
        _fp = Core.GetParam(_function, 0);
        _ctx = Core.GetParam(_function, 1);
        Attributes.Add(module, _function, 1, "noalias");
        Attributes.Add(module, _function, 1, "nonnull");
        Attributes.Add(module, _function, 1, "dereferenceable", (ulong)Math.Max(8, pm.FrameSlots * 8));
        Attributes.Add(module, _function, 1, "align", 8);
        Attributes.Add(module, _function, 2, "nonnull");
        _blocks = new BasicBlockRef[pm.Code.Length];
    }

    /// <summary>Why <paramref name="pm"/> cannot compile, or null when it can (checked before any IR is built).</summary>
    public static string? Refusal(PreparedMethod pm)
    {
        foreach (var ins in pm.Code)
            if (!IsLowered(ins.Op)) return $"operation {ins.Op} is not lowered";
        return null;
    }

    /// <summary>
    /// Builds the function <paramref name="name"/> for <paramref name="pm"/> into <paramref name="module"/>.
    /// With <paramref name="osrPc"/>, it is the continuation of a running activation from that loop
    /// header instead (on-stack replacement): it takes over the frame the interpreter pushed.
    /// </summary>
    public static void Build(IrModule module, PreparedMethod pm, string name, CompilerEnvironment env, int osrPc = -1)
    {
        if (Refusal(pm) is { } why) throw new NotCompilableException(why);
        if (osrPc < 0 && pm.Handlers.Length == 0 && !pm.Code.Any(i => i.Op == Op.LdSlotAddr))
        {
            var leaf = new MethodCompiler(module, pm, name, env, leaf: true);
            try
            {
                leaf.Lower(-1);
                return;
            }
            catch (NeedsFrame)
            {
                Core.DeleteFunction(leaf._function);
            }
        }
        new MethodCompiler(module, pm, name, env).Lower(osrPc); // the builders are freed with the module
    }

    /// <summary>The function's entry block, where every alloca goes (LLVM promotes only those to registers).</summary>
    private BasicBlockRef _entry;

    private void Lower(int osrPc)
    {
        var entry = _entry = Core.GetInsertBlock(_b);
        for (var pc = 0; pc < _blocks.Length; pc++) _blocks[pc] = _module.AppendBlock(_function, $"pc{pc}");
        _pending = _module.AppendBlock(_function, "pending");
        Core.PositionBuilderAtEnd(_b, _pending);
        Core.BuildRet(_b, I32(1));
        Core.PositionBuilderAtEnd(_b, entry);
        if (osrPc >= 0) AdoptFrame();
        else if (!_leaf) PushFrame();
        if (!_pm.Code.Any(i => i.Op == Op.LdSlotAddr))
        {
            _written = WrittenSlots(_pm);
            _mirror = new ValueRef[_pm.FrameSlots];
            for (var slot = 0; slot < _mirror.Length; slot++) _mirror[slot] = Core.BuildAlloca(_b, _t.I64, $"slot{slot}");
            ReloadSlots();
        }
        Core.BuildBr(_b, _blocks[Math.Max(osrPc, 0)]);
        for (_pc = 0; _pc < _blocks.Length; _pc++)
        {
            Core.PositionBuilderAtEnd(_b, _blocks[_pc]);
            var ins = _pm.Code[_pc];
            if (!LowerInline(ins)) CallExecute();
            // Every lowering either ends its block or leaves the builder in a block that falls through.
            if (Core.GetBasicBlockTerminator(Core.GetInsertBlock(_b)).IsNull) Core.BuildBr(_b, Next);
        }
        if (_env.BreakIr) Core.PositionBuilderAtEnd(_b, _module.AppendBlock(_function, "broken")); // a block with no terminator: fails verification
    }

    /// <summary>
    /// The prologue: what <c>Interpreter.EnterFrame</c> does for an interpreted frame. Check the depth
    /// and the slot stack, zero the locals (the GC reads them by their declared types), push this
    /// method's frame record and raise the stack top. Compiled callers call this code directly, so
    /// the record must be pushed here, not by the caller.
    /// </summary>
    private void PushFrame()
    {
        var state = Absolute((nint)_env.Thread.State);
        _depth = Core.BuildLoad(_b, _t.I32, ByteOffset(state, FrameChainState.DepthOffset), "depth");
        var frameEnd = FrameAddress(_pm.FrameSlots);
        var tooDeep = Core.BuildICmp(_b, IntPredicate.Sge, _depth, I32(_env.Thread.MaxDepth), "too.deep");
        var noRoom = Core.BuildICmp(_b, IntPredicate.Uge, Core.BuildPtrToInt(_b, frameEnd, _t.I64, ""), I64((long)_env.Thread.StackLimit), "no.room");
        var overflow = _module.AppendBlock(_function, "stack.overflow");
        var enter = _module.AppendBlock(_function, "enter");
        var branch = Core.BuildCondBr(_b, Core.BuildOr(_b, tooDeep, noRoom, ""), overflow, enter);
        BranchWeights.Set(_module, branch, 1, 100000);
        Core.PositionBuilderAtEnd(_b, overflow);
        CallHelper(_env.StackOverflow, _t.Function(_t.Void, _t.Ptr), [_ctx]);
        Core.BuildBr(_b, _pending);

        Core.PositionBuilderAtEnd(_b, enter);
        var locals = _pm.EvalStart - _pm.LocalsStart;
        if (locals > 0) Core.BuildMemSet(_b, FrameAddress(_pm.LocalsStart), Core.ConstInt(_t.I8, 0), I64(locals * 8), 8);
        var record = FrameRecord();
        Core.BuildStore(_b, I32(_env.Thread.IdOf(_pm)), ByteOffset(record, Frame.MethodIdOffset));
        Core.BuildStore(_b, I32(0), ByteOffset(record, Frame.PcOffset));
        Core.BuildStore(_b, _fp, ByteOffset(record, Frame.FpOffset));
        Core.BuildStore(_b, Core.ConstInt(_t.I8, 0), ByteOffset(record, Frame.IsFuncletOffset));
        Core.BuildStore(_b, I64(0), ByteOffset(record, Frame.CaughtExceptionOffset));
        Core.BuildStore(_b, Core.ConstNull(_t.Ptr), ByteOffset(record, Frame.ReturnIpOffset));
        _callerTop = Core.BuildLoad(_b, _t.Ptr, ByteOffset(state, FrameChainState.TopOffset), "caller.top");
        Core.BuildStore(_b, _callerTop, ByteOffset(record, Frame.CallerTopOffset));
        Core.BuildStore(_b, I64(0), ByteOffset(record, Frame.NewObjectOffset));
        Core.BuildStore(_b, frameEnd, ByteOffset(state, FrameChainState.TopOffset));
        Core.BuildStore(_b, Core.BuildAdd(_b, _depth, I32(1), ""), ByteOffset(state, FrameChainState.DepthOffset));
    }

    /// <summary>
    /// The prologue of an on-stack-replacement continuation: the interpreter is running this method, so
    /// its frame record is on top of the chain and its slots hold the loop's state. The code takes the
    /// record over (its index, its caller's stack top) rather than pushing one; its return pops it as
    /// the interpreter's Ret would.
    /// </summary>
    private void AdoptFrame()
    {
        var state = Absolute((nint)_env.Thread.State);
        var depth = Core.BuildLoad(_b, _t.I32, ByteOffset(state, FrameChainState.DepthOffset), "depth.now");
        _depth = Core.BuildSub(_b, depth, I32(1), "depth");
        _callerTop = Core.BuildLoad(_b, _t.Ptr, ByteOffset(FrameRecord(), Frame.CallerTopOffset), "caller.top");
    }

    /// <summary>The epilogue of a normal return. On an exception the record stays: the frame that
    /// catches resets the chain, as for interpreted frames.</summary>
    private void PopFrame()
    {
        if (_leaf) return;
        var state = Absolute((nint)_env.Thread.State);
        Core.BuildStore(_b, _callerTop, ByteOffset(state, FrameChainState.TopOffset));
        Core.BuildStore(_b, _depth, ByteOffset(state, FrameChainState.DepthOffset));
    }

    /// <summary>This method's frame record: the frame array is allocated once per thread, at a fixed address.</summary>
    private ValueRef FrameRecord()
    {
        RequireFrame();
        return Core.BuildGep(_b, _t.I8, Absolute((nint)_env.Thread.State->Frames), [Core.BuildMul(_b, Core.BuildSExt(_b, _depth, _t.I64, ""), I64(Frame.Size), "")], "record");
    }

    private BasicBlockRef Next => _pc + 1 < _blocks.Length ? _blocks[_pc + 1] : _pending;

    /// <summary>Per pc, the block that hands an exception raised there to the interpreter (made on first use; only inside try blocks).</summary>
    private BasicBlockRef[] _handOver = [];

    /// <summary>
    /// Where control goes when the operation at the current pc leaves an exception pending. Outside
    /// any try block the frame returns 1 and its caller deals with it. Inside one, this frame may
    /// handle it: the interpreter takes the frame over where it stands (<see cref="JitHelpers.Handle"/>),
    /// runs the two passes as for an interpreted frame, and if a handler here catches it, runs the
    /// handler and the rest of the method; then this code only pops the frame and returns.
    /// </summary>
    private BasicBlockRef Pending
    {
        get
        {
            if (!_pm.Handlers.Any(h => h.TryCovers(_pc))) return _pending;
            if (_handOver.Length == 0) _handOver = new BasicBlockRef[_blocks.Length];
            if (!_handOver[_pc].IsNull) return _handOver[_pc];
            var saved = Core.GetInsertBlock(_b);
            var handOver = _handOver[_pc] = _module.AppendBlock(_function, $"pc{_pc}.exception");
            var finished = _module.AppendBlock(_function, $"pc{_pc}.handled");
            Core.PositionBuilderAtEnd(_b, handOver);
            var status = CallHelper(_env.Handle, _t.Function(_t.I32, _t.Ptr, _t.Ptr, _t.I32, _t.I32), [_ctx, _fp, I32(_pc), _depth]);
            Core.BuildCondBr(_b, Core.BuildICmp(_b, IntPredicate.Ne, status, I32(0), "escaped"), _pending, finished);
            Core.PositionBuilderAtEnd(_b, finished);
            PopFrame(); // the interpreter ran the method's rest, its ret included: the result is in the frame
            Core.BuildRet(_b, I32(0));
            Core.PositionBuilderAtEnd(_b, saved);
            return handOver;
        }
    }

    /// <summary>The operation runs through the interpreter's code for it (<see cref="JitHelpers.Execute"/>), then control goes to <paramref name="then"/> (the next operation by default).</summary>
    private void CallExecute(BasicBlockRef then = default)
    {
        SpillSlots();
        var status = CallHelper(_env.Execute, _t.Function(_t.I32, _t.Ptr, _t.Ptr, _t.I32), [_ctx, _fp, I32(_pc)]);
        ReloadSlots();
        var failed = Core.BuildICmp(_b, IntPredicate.Ne, status, I32(0), "pending");
        var branch = Core.BuildCondBr(_b, failed, Pending, then.IsNull ? Next : then);
        BranchWeights.Set(_module, branch, 1, 1000);
    }

    /// <summary>Raises <paramref name="kind"/> when <paramref name="condition"/> holds: a cold branch.</summary>
    private void ThrowIf(ValueRef condition, RuntimeErrorKind kind)
    {
        var raise = _module.AppendBlock(_function, $"throw.{kind}.pc{_pc}");
        var go = _module.AppendBlock(_function, $"pc{_pc}.ok");
        var branch = Core.BuildCondBr(_b, condition, raise, go);
        BranchWeights.Set(_module, branch, 1, 100000);
        Core.PositionBuilderAtEnd(_b, raise);
        SpillSlots(); // the exception's construction may collect, and its stack trace reads this frame
        CallHelper(_env.Raise, _t.Function(_t.Void, _t.Ptr, _t.Ptr, _t.I32, _t.I32), [_ctx, _fp, I32(_pc), I32((int)kind)]);
        Core.BuildBr(_b, Pending);
        Core.PositionBuilderAtEnd(_b, go);
    }

    private void NullCheck(ValueRef pointer) =>
        ThrowIf(Core.BuildICmp(_b, IntPredicate.Eq, pointer, Core.ConstNull(_t.Ptr), "isnull"), RuntimeErrorKind.NullReference);

    private ValueRef CallHelper(nint address, TypeRef type, ReadOnlySpan<ValueRef> args)
    {
        RequireFrame(); // a helper may collect, walk the stack or raise
        return Core.BuildCall(_b, type, Core.ConstIntToPtr(Core.ConstInt(_t.I64, (long)address), _t.Ptr), args);
    }

    // Slots: 8 bytes each; int32 values sign-extended, float32 in the low 4 bytes.
    private ValueRef SlotAddress(int slot) => _mirror.Length > 0 ? _mirror[slot] : FrameAddress(slot);
    private ValueRef FrameAddress(int slot) => Core.BuildInBoundsGep(_b, _t.I64, _fp, [I64(slot)], $"fp{slot}");

    /// <summary>The frame gets the slots compiled code may have changed (before a helper call or a return).</summary>
    private void SpillSlots()
    {
        foreach (var slot in _written) SpillSlot(slot);
    }

    private void SpillSlot(int slot) => Core.BuildStore(_b, Core.BuildLoad(_b, _t.I64, _mirror[slot], ""), FrameAddress(slot));
    private void ReloadSlot(int slot) => Core.BuildStore(_b, Core.BuildLoad(_b, _t.I64, FrameAddress(slot), ""), _mirror[slot]);

    /// <summary>The allocas get the frame's slots back (at entry, and after a helper call, which may write any).</summary>
    private void ReloadSlots()
    {
        for (var slot = 0; slot < _mirror.Length; slot++)
        {
            // A leaf owns no frame beyond its arguments (the caller's slots): its locals start zeroed.
            if (_leaf && slot >= _pm.LocalsStart) Core.BuildStore(_b, I64(0), _mirror[slot]);
            else ReloadSlot(slot);
        }
    }

    /// <summary>An over-approximation of the slots the method's operations write: every operation's A
    /// (a destination for most), the ranges of MovN and LoadN, and the return slots.</summary>
    private static int[] WrittenSlots(PreparedMethod pm)
    {
        var written = new SortedSet<int>();
        foreach (var ins in pm.Code)
        {
            var count = ins.Op switch
            {
                Op.MovN => ins.C,
                Op.LoadN => (ins.C + 7) / 8,
                Op.Ret => Math.Max(ins.B, 1),
                _ => 1,
            };
            var first = ins.Op == Op.Ret ? 0 : ins.A;
            for (var i = 0; i < count; i++)
                if (first + i >= 0 && first + i < pm.FrameSlots) written.Add(first + i);
        }
        return [.. written];
    }
    private ValueRef LoadI64(int slot) => Core.BuildLoad(_b, _t.I64, SlotAddress(slot), $"s{slot}");
    private ValueRef LoadI32(int slot) => Core.BuildTrunc(_b, LoadI64(slot), _t.I32, $"s{slot}.i4");
    private ValueRef LoadF64(int slot) => Core.BuildLoad(_b, _t.F64, SlotAddress(slot), $"s{slot}.r8");
    private ValueRef LoadF32(int slot) => Core.BuildLoad(_b, _t.F32, SlotAddress(slot), $"s{slot}.r4");
    private ValueRef LoadPointer(int slot) => Core.BuildLoad(_b, _t.Ptr, SlotAddress(slot), $"s{slot}.p");
    private void StoreI64(int slot, ValueRef value) => Core.BuildStore(_b, value, SlotAddress(slot));
    private void StoreI32(int slot, ValueRef value) => StoreI64(slot, Core.BuildSExt(_b, value, _t.I64, ""));
    private void StoreF64(int slot, ValueRef value) => Core.BuildStore(_b, value, SlotAddress(slot));
    private void StoreF32(int slot, ValueRef value) => Core.BuildStore(_b, value, SlotAddress(slot));
    private void StorePointer(int slot, ValueRef value) => Core.BuildStore(_b, value, SlotAddress(slot));

    private ValueRef I32(int value) => Core.ConstInt(_t.I32, value);
    private ValueRef I64(long value) => Core.ConstInt(_t.I64, value);
    private ValueRef ByteOffset(ValueRef pointer, long offset) =>
        offset == 0 ? pointer : Core.BuildInBoundsGep(_b, _t.I8, pointer, [I64(offset)], "");

    private TypeRef IntType(int bits) => bits switch { 8 => _t.I8, 16 => _t.I16, 32 => _t.I32, _ => _t.I64 };
}

/// <summary>What compiled code may refer to, fixed for one VM: helper entry points and the write barrier's tables.</summary>
internal sealed unsafe record CompilerEnvironment(
    nint Execute, nint Raise, nint StackOverflow, nint Handle, nint Invoke, nint AllocateObject, Gc.BarrierLayout Barrier,
    nint CallVirtual, ExecutionThread Thread, Func<TypeSystem.RuntimeMethod, nint> EntryCellOf, Func<CallSite, nint> CacheOf,
    Func<nint, nint?> SmallObjectContext, nint ArrayContexts, bool BreakIr)
{
    /// <summary>The allocation context compiled code may allocate an instance of <paramref name="mt"/> from inline, or null.</summary>
    public unsafe nint? FastPathOf(Objects.MethodTable* mt) => SmallObjectContext((nint)mt);
}
