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
/// constructor is called like any known target. Value types, strings, large objects and GC stress
/// keep the helper's whole newobj. newarr of a small array takes the same fast path (below).
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
        var slow = _module.AppendBlock(_function, $"pc{_pc}.alloc.slow");
        var done = _module.AppendBlock(_function, $"pc{_pc}.allocated");
        var (fast, fastEnd) = TakeCell(Absolute(context), Absolute((nint)mt), slow);
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
        Core.AddIncoming(obj, fast, fastEnd);
        Core.AddIncoming(obj, fromHelper, slowDone);
        return obj;
    }

    /// <summary>
    /// newarr, inline when the array is small: its size (header, fixed part, elements, rounded to 8)
    /// picks the size class through the native granule table, and the cell comes from that class's
    /// context as for an object; the length word is written too. A negative or large length, or a
    /// used-up block, runs the whole newarr through the helper (which raises or may collect).
    /// </summary>
    private bool LowerNewArray(Instr ins)
    {
        var type = (RuntimeType)_pm.Tokens[ins.Token];
        var mt = type.MethodTable;
        if (_env.ArrayContexts == 0 || mt->ComponentSize == 0 || (mt->Flags & MethodTableFlags.MultiDimArray) != 0) return false;
        var fixedBytes = ObjectLayout.HeaderSize + mt->BaseSize;
        var maxLength = (SizeClasses.MaxSmallSize - fixedBytes - 7) / mt->ComponentSize;

        var length = LoadI64(ins.B);
        var small = _module.AppendBlock(_function, $"pc{_pc}.newarr.small");
        var slow = _module.AppendBlock(_function, $"pc{_pc}.newarr.slow");
        var done = _module.AppendBlock(_function, $"pc{_pc}.newarr.done");
        var branch = Core.BuildCondBr(_b, Core.BuildICmp(_b, IntPredicate.Ule, length, I64(maxLength), "small.array"), small, slow);
        BranchWeights.Set(_module, branch, 1000, 1);

        Core.PositionBuilderAtEnd(_b, small);
        var bytes = Core.BuildAnd(_b, Core.BuildAdd(_b, Core.BuildMul(_b, length, I64(mt->ComponentSize), ""), I64(fixedBytes + 7), ""), I64(~7L), "bytes");
        var granule = Core.BuildLShr(_b, bytes, I64(3), "granule");
        var sizeClass = Core.BuildZExt(_b, Core.BuildLoad(_b, _t.I8, Core.BuildInBoundsGep(_b, _t.I8, Absolute((nint)SizeClasses.ClassOfGranuleNative), [granule], ""), "class"), _t.I64, "");
        var context = Core.BuildInBoundsGep(_b, _t.I8, Absolute(_env.ArrayContexts), [Core.BuildMul(_b, sizeClass, I64(sizeof(AllocContext)), "")], "context");
        var (array, fastEnd) = TakeCell(context, Absolute((nint)mt), slow);
        Core.BuildStore(_b, Core.BuildTrunc(_b, length, _t.I32, ""), ByteOffset(array, ObjectLayout.ArrayLengthOffset));
        StorePointer(ins.A, array);
        Core.BuildBr(_b, done);

        Core.PositionBuilderAtEnd(_b, slow);
        CallExecute(done);
        Core.PositionBuilderAtEnd(_b, done);
        return true;
    }

    /// <summary>
    /// The heap's fast path, as GcHeap.Alloc: the context's free list, else its bump pointer; a free
    /// cell is zero but for its header word (the free-list link), so the header and the MethodTable are
    /// written and the bytes counted. Branches to <paramref name="exhausted"/> when the block is used up;
    /// returns the object and the block it is ready in, with the builder at that block's end.
    /// </summary>
    private (ValueRef Object, BasicBlockRef Ready) TakeCell(ValueRef c, ValueRef mt, BasicBlockRef exhausted)
    {
        var freeList = Core.BuildLoad(_b, _t.Ptr, ByteOffset(c, AllocContext.FreeListOffset), "free");
        var fromList = _module.AppendBlock(_function, $"pc{_pc}.freelist");
        var tryBump = _module.AppendBlock(_function, $"pc{_pc}.bump");
        var bumped = _module.AppendBlock(_function, $"pc{_pc}.bumped");
        var initialize = _module.AppendBlock(_function, $"pc{_pc}.alloc.init");
        Core.BuildCondBr(_b, Core.BuildICmp(_b, IntPredicate.Ne, freeList, Core.ConstNull(_t.Ptr), "has.free"), fromList, tryBump);

        Core.PositionBuilderAtEnd(_b, fromList);
        Core.BuildStore(_b, Core.BuildLoad(_b, _t.Ptr, freeList, "next.free"), ByteOffset(c, AllocContext.FreeListOffset));
        Core.BuildBr(_b, initialize);

        Core.PositionBuilderAtEnd(_b, tryBump);
        var bump = Core.BuildLoad(_b, _t.Ptr, ByteOffset(c, AllocContext.BumpOffset), "bump");
        var end = Core.BuildLoad(_b, _t.Ptr, ByteOffset(c, AllocContext.BumpEndOffset), "bump.end");
        var full = Core.BuildICmp(_b, IntPredicate.Uge, Core.BuildPtrToInt(_b, bump, _t.I64, ""), Core.BuildPtrToInt(_b, end, _t.I64, ""), "exhausted");
        var branch = Core.BuildCondBr(_b, full, exhausted, bumped);
        BranchWeights.Set(_module, branch, 1, 1000);

        Core.PositionBuilderAtEnd(_b, bumped);
        var cellSize = Core.BuildSExt(_b, Core.BuildLoad(_b, _t.I32, ByteOffset(c, AllocContext.CellSizeOffset), "cell.size"), _t.I64, "");
        Core.BuildStore(_b, Core.BuildInBoundsGep(_b, _t.I8, bump, [cellSize], "bump.next"), ByteOffset(c, AllocContext.BumpOffset));
        Core.BuildBr(_b, initialize);

        Core.PositionBuilderAtEnd(_b, initialize);
        var cell = Core.BuildPhi(_b, _t.Ptr, "cell");
        Core.AddIncoming(cell, freeList, fromList);
        Core.AddIncoming(cell, bump, bumped);
        Core.BuildStore(_b, I64(0), cell);
        var obj = Core.BuildInBoundsGep(_b, _t.I8, cell, [I64(ObjectLayout.HeaderSize)], "obj");
        Core.BuildStore(_b, mt, obj);
        var allocated = ByteOffset(c, AllocContext.AllocatedOffset);
        var size = Core.BuildSExt(_b, Core.BuildLoad(_b, _t.I32, ByteOffset(c, AllocContext.CellSizeOffset), ""), _t.I64, "");
        Core.BuildStore(_b, Core.BuildAdd(_b, Core.BuildLoad(_b, _t.I64, allocated, "allocated"), size, ""), allocated);
        return (obj, initialize);
    }
}
