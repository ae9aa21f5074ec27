using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Runtime.Interpreter;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Jit;

/// <summary>
/// Calls whose target is known (static, and instance calls that need no dispatch). The call site
/// loads the callee's entry cell: once the callee is compiled it is called directly, native to
/// native, with its arguments where the interpreter would have put them (the callee pushes its own
/// frame record); while it is interpreted, the call goes through the helper. Either way the caller's
/// slots are in the frame and its pc in its record, so the GC and stack traces see the caller.
/// </summary>
internal sealed unsafe partial class MethodCompiler
{
    private bool LowerDirectCall(Instr ins)
    {
        var target = (RuntimeMethod)_pm.Tokens[ins.Token];
        if (target.InternalCall is not null || target.IsAbstract || !target.HasBody) return false;
        if (ins.C != 0) NullCheck(LoadPointer(ins.A)); // callvirt's check of `this`
        if (TryCallInlinedLeaf(target, ins.A)) return true;
        SpillSlots();
        CallKnownTarget(target, ins.A, _env.Execute);
        ReloadSlots();
        return true;
    }

    /// <summary>
    /// Calls <paramref name="target"/> with its arguments in the frame from <paramref name="argBase"/>
    /// (the caller's slots already spilled): natively once it is compiled, else through
    /// <paramref name="helper"/> (which runs the call for the operation at this pc). On return the
    /// builder is in the block after the call; a pending exception has gone to <see cref="Pending"/>.
    /// </summary>
    private void CallKnownTarget(RuntimeMethod target, int argBase, nint helper)
    {
        var cell = _env.EntryCellOf(target);
        var entry = Core.BuildLoad(_b, _t.Ptr, Absolute(cell), "callee.entry");
        var direct = _module.AppendBlock(_function, $"pc{_pc}.direct");
        var viaHelper = _module.AppendBlock(_function, $"pc{_pc}.interpreted");
        var returned = _module.AppendBlock(_function, $"pc{_pc}.returned");
        Core.BuildCondBr(_b, Core.BuildICmp(_b, IntPredicate.Ne, entry, Core.ConstNull(_t.Ptr), "compiled"), direct, viaHelper);

        Core.PositionBuilderAtEnd(_b, direct);
        Core.BuildStore(_b, I32(_pc), ByteOffset(FrameRecord(), Frame.PcOffset));
        var nativeStatus = Core.BuildCall(_b, _methodType, entry, [FrameAddress(argBase), _ctx], "status");
        Core.BuildBr(_b, returned);

        Core.PositionBuilderAtEnd(_b, viaHelper);
        var helperStatus = CallHelper(helper, _t.Function(_t.I32, _t.Ptr, _t.Ptr, _t.I32), [_ctx, _fp, I32(_pc)]);
        Core.BuildBr(_b, returned);

        JoinCall(returned, (nativeStatus, direct), (helperStatus, viaHelper));
    }

    /// <summary>
    /// callvirt and interface calls through the site's inline cache (<see cref="CallSiteCache"/>): when
    /// the receiver's type is the one the cache holds and that target is compiled, a native call
    /// (with <c>this</c> moved into a boxed struct when the target is the struct's method); otherwise
    /// the helper, which resolves, refills the cache and calls.
    /// </summary>
    private bool LowerVirtualCall(Instr ins)
    {
        var site = (CallSite)_pm.Tokens[ins.Token];
        var self = LoadPointer(ins.A);
        NullCheck(self);
        SpillSlots();
        var cache = Absolute(_env.CacheOf(site));
        var type = Core.BuildLoad(_b, _t.Ptr, self, "receiver.type");
        var cached = Core.BuildLoad(_b, _t.Ptr, ByteOffset(cache, CallSiteCache.TypeOffset), "cached.type");
        var hit = _module.AppendBlock(_function, $"pc{_pc}.cache.hit");
        var direct = _module.AppendBlock(_function, $"pc{_pc}.direct");
        var viaHelper = _module.AppendBlock(_function, $"pc{_pc}.resolve");
        var returned = _module.AppendBlock(_function, $"pc{_pc}.returned");
        Core.BuildCondBr(_b, Core.BuildICmp(_b, IntPredicate.Eq, type, cached, "same.type"), hit, viaHelper);

        Core.PositionBuilderAtEnd(_b, hit);
        var cell = Core.BuildLoad(_b, _t.Ptr, ByteOffset(cache, CallSiteCache.EntryCellOffset), "cell");
        var entry = Core.BuildLoad(_b, _t.Ptr, cell, "callee.entry");
        Core.BuildCondBr(_b, Core.BuildICmp(_b, IntPredicate.Ne, entry, Core.ConstNull(_t.Ptr), "compiled"), direct, viaHelper);

        Core.PositionBuilderAtEnd(_b, direct);
        var adjust = Core.BuildLoad(_b, _t.I64, ByteOffset(cache, CallSiteCache.ThisAdjustOffset), "this.adjust");
        Core.BuildStore(_b, Core.BuildGep(_b, _t.I8, self, [adjust], "this"), FrameAddress(ins.A));
        Core.BuildStore(_b, I32(_pc), ByteOffset(FrameRecord(), Frame.PcOffset));
        var nativeStatus = Core.BuildCall(_b, _methodType, entry, [FrameAddress(ins.A), _ctx], "status");
        Core.BuildBr(_b, returned);

        Core.PositionBuilderAtEnd(_b, viaHelper);
        var helperStatus = CallHelper(_env.CallVirtual, _t.Function(_t.I32, _t.Ptr, _t.Ptr, _t.I32), [_ctx, _fp, I32(_pc)]);
        Core.BuildBr(_b, returned);

        JoinCall(returned, (nativeStatus, direct), (helperStatus, viaHelper));
        ReloadSlots();
        return true;
    }

    /// <summary>The two ways a call can go meet in <paramref name="returned"/>: a pending exception goes to <see cref="Pending"/>, else on.</summary>
    private void JoinCall(BasicBlockRef returned, (ValueRef Status, BasicBlockRef From) native, (ValueRef Status, BasicBlockRef From) helper)
    {
        Core.PositionBuilderAtEnd(_b, returned);
        var status = Core.BuildPhi(_b, _t.I32, "status");
        Core.AddIncoming(status, native.Status, native.From);
        Core.AddIncoming(status, helper.Status, helper.From);
        var go = _module.AppendBlock(_function, $"pc{_pc}.next");
        var branch = Core.BuildCondBr(_b, Core.BuildICmp(_b, IntPredicate.Ne, status, I32(0), "pending"), Pending, go);
        BranchWeights.Set(_module, branch, 1, 1000);
        Core.PositionBuilderAtEnd(_b, go);
    }
}
