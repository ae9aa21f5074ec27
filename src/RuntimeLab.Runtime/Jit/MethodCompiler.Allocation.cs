using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Runtime.Gc;
using RuntimeLab.Runtime.Interpreter;
using RuntimeLab.Runtime.Objects;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Jit;

/// <summary>
/// newobj of a class, inline: the constructor's arguments move up one slot in the frame first (the
/// GC map of a newobj describes them there, so a collection in the slow path sees them), the object
/// comes from the heap's fast path — its size class's free list, else its bump pointer, the same
/// steps as <c>GcHeap.Alloc</c> — or from the helper when the block is used up, and then the
/// constructor is called like any known target. Value types, arrays, strings, large objects and GC
/// stress keep the helper's whole newobj.
/// </summary>
internal sealed unsafe partial class MethodCompiler
{
    private bool LowerNewObject(Instr ins)
    {
        var ctor = (RuntimeMethod)_pm.Tokens[ins.Token];
        var type = ctor.DeclaringType;
        if (type.IsValueType || ctor.InternalCall is not null || !ctor.HasBody) return false;
        var mt = type.MethodTable;
        if (_env.FastPathOf(mt) is not { } context) return false;

        SpillSlots();
        var argCount = ins.B;
        for (var i = argCount - 1; i >= 0; i--) // from the top down: the ranges overlap
            Core.BuildStore(_b, Core.BuildLoad(_b, _t.I64, FrameAddress(ins.A + i), ""), FrameAddress(ins.A + i + 1));
        Core.BuildStore(_b, I64(0), FrameAddress(ins.A));
        var obj = AllocateSmall(context, mt, type);
        Core.BuildStore(_b, obj, FrameAddress(ins.A));
        CallKnownTarget(ctor, ins.A, _env.Invoke);
        // The constructor's frame reused the argument slots: the new object is the result.
        Core.BuildStore(_b, obj, FrameAddress(ins.A));
        ReloadSlots();
        return true;
    }

    /// <summary>The object, from the context at <paramref name="context"/>, or from the helper (which may collect).</summary>
    private ValueRef AllocateSmall(nint context, MethodTable* mt, RuntimeType type)
    {
        var c = Absolute(context);
        var freeList = Core.BuildLoad(_b, _t.Ptr, ByteOffset(c, AllocContext.FreeListOffset), "free");
        var fromList = _module.AppendBlock(_function, $"pc{_pc}.freelist");
        var tryBump = _module.AppendBlock(_function, $"pc{_pc}.bump");
        var bumped = _module.AppendBlock(_function, $"pc{_pc}.bumped");
        var slow = _module.AppendBlock(_function, $"pc{_pc}.alloc.slow");
        var initialize = _module.AppendBlock(_function, $"pc{_pc}.alloc.init");
        var done = _module.AppendBlock(_function, $"pc{_pc}.allocated");
        Core.BuildCondBr(_b, Core.BuildICmp(_b, IntPredicate.Ne, freeList, Core.ConstNull(_t.Ptr), "has.free"), fromList, tryBump);

        Core.PositionBuilderAtEnd(_b, fromList);
        Core.BuildStore(_b, Core.BuildLoad(_b, _t.Ptr, freeList, "next.free"), ByteOffset(c, AllocContext.FreeListOffset));
        Core.BuildBr(_b, initialize);

        Core.PositionBuilderAtEnd(_b, tryBump);
        var bump = Core.BuildLoad(_b, _t.Ptr, ByteOffset(c, AllocContext.BumpOffset), "bump");
        var end = Core.BuildLoad(_b, _t.Ptr, ByteOffset(c, AllocContext.BumpEndOffset), "bump.end");
        var exhausted = Core.BuildICmp(_b, IntPredicate.Uge, Core.BuildPtrToInt(_b, bump, _t.I64, ""), Core.BuildPtrToInt(_b, end, _t.I64, ""), "exhausted");
        var branch = Core.BuildCondBr(_b, exhausted, slow, bumped);
        BranchWeights.Set(_module, branch, 1, 1000);

        Core.PositionBuilderAtEnd(_b, bumped);
        var cellSize = Core.BuildSExt(_b, Core.BuildLoad(_b, _t.I32, ByteOffset(c, AllocContext.CellSizeOffset), "cell.size"), _t.I64, "");
        Core.BuildStore(_b, Core.BuildInBoundsGep(_b, _t.I8, bump, [cellSize], "bump.next"), ByteOffset(c, AllocContext.BumpOffset));
        Core.BuildBr(_b, initialize);

        // A free cell is zero but for its header word (the free-list link): write the header and the MethodTable.
        Core.PositionBuilderAtEnd(_b, initialize);
        var cell = Core.BuildPhi(_b, _t.Ptr, "cell");
        Core.AddIncoming(cell, freeList, fromList);
        Core.AddIncoming(cell, bump, bumped);
        Core.BuildStore(_b, I64(0), cell);
        var fast = Core.BuildInBoundsGep(_b, _t.I8, cell, [I64(ObjectLayout.HeaderSize)], "obj");
        Core.BuildStore(_b, Absolute((nint)mt), fast);
        var allocated = ByteOffset(c, AllocContext.AllocatedOffset);
        var size = Core.BuildSExt(_b, Core.BuildLoad(_b, _t.I32, ByteOffset(c, AllocContext.CellSizeOffset), ""), _t.I64, "");
        Core.BuildStore(_b, Core.BuildAdd(_b, Core.BuildLoad(_b, _t.I64, allocated, "allocated"), size, ""), allocated);
        Core.BuildBr(_b, done);

        Core.PositionBuilderAtEnd(_b, slow);
        Core.BuildStore(_b, I32(_pc), ByteOffset(FrameRecord(), Frame.PcOffset)); // a collection reads this frame's map at this pc
        var fromHelper = CallHelper(_env.AllocateObject, _t.Function(_t.Ptr, _t.Ptr, _t.I32), [_ctx, I32(type.Id)]);
        var failed = Core.BuildICmp(_b, IntPredicate.Eq, fromHelper, Core.ConstNull(_t.Ptr), "alloc.failed");
        var slowDone = _module.AppendBlock(_function, $"pc{_pc}.alloc.slow.done");
        Core.BuildCondBr(_b, failed, Pending, slowDone);
        Core.PositionBuilderAtEnd(_b, slowDone);
        Core.BuildBr(_b, done);

        Core.PositionBuilderAtEnd(_b, done);
        var obj = Core.BuildPhi(_b, _t.Ptr, "new.obj");
        Core.AddIncoming(obj, fast, initialize);
        Core.AddIncoming(obj, fromHelper, slowDone);
        return obj;
    }
}
