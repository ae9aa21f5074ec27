using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Runtime.Interpreter;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Jit;

/// <summary>
/// Inlining of leaf callees. A known target that builds as a leaf (no calls, no helpers, no check
/// that can raise: see <c>_leaf</c>) is built a second time into the caller's module, as a private
/// always-inline function, and the call site calls that on a frame of its own, an alloca: LLVM
/// inlines it at O2 and promotes that frame to registers, so a small pure method (spectral-norm's
/// <c>A(i, j)</c>) costs no call, no entry-cell check and no memory traffic; the caller's slots stay
/// in registers too, since nothing that could observe them runs. Nothing is lost to the GC or to
/// stack traces, since a leaf can never be observed while it runs. Each method is otherwise its own
/// module, so this is the only inlining across methods.
/// </summary>
internal sealed unsafe partial class MethodCompiler
{
    /// <summary>Callees larger than this stay calls: inlining is for the small helpers hot loops call.</summary>
    private const int MaxInlinedOperations = 64;
    private const uint FunctionIndex = 0xFFFF_FFFF; // LLVMAttributeFunctionIndex

    /// <summary>Per callee, its always-inline copy in this module, or a null function when it is no leaf.</summary>
    private readonly Dictionary<PreparedMethod, ValueRef> _inlined = [];

    /// <summary>Calls <paramref name="target"/> inline if it is a leaf already prepared, with its arguments in this frame from <paramref name="argBase"/>, where its result goes; false to call it the ordinary way.</summary>
    private bool TryCallInlinedLeaf(RuntimeMethod target, int argBase)
    {
        if (_leaf || target.Prepared is not { } callee || callee == _pm || callee.Handlers.Length > 0 || callee.Code.Length > MaxInlinedOperations)
            return false;
        if (!_inlined.TryGetValue(callee, out var function)) _inlined[callee] = function = BuildInlinedLeaf(callee);
        if (function.IsNull) return false;

        var frame = InlineFrame(callee.FrameSlots);
        for (var slot = 0; slot < callee.LocalsStart; slot++)
            Core.BuildStore(_b, LoadI64(argBase + slot), Core.BuildInBoundsGep(_b, _t.I64, frame, [I64(slot)], ""));
        // A leaf always returns 0: it cannot raise.
        Core.BuildCall(_b, _methodType, function, [frame, _ctx], "");
        var resultSlots = callee.Code.Where(i => i.Op == Op.Ret).Select(i => i.B).DefaultIfEmpty(0).Max();
        for (var slot = 0; slot < resultSlots; slot++)
            StoreI64(argBase + slot, Core.BuildLoad(_b, _t.I64, Core.BuildInBoundsGep(_b, _t.I64, frame, [I64(slot)], ""), ""));
        return true;
    }

    /// <summary>A frame of <paramref name="slots"/> slots for one inlined call, allocated in the entry block.</summary>
    private ValueRef InlineFrame(int slots)
    {
        var here = Core.GetInsertBlock(_b);
        Core.PositionBuilderBefore(_b, Core.GetFirstInstruction(_entry));
        var frame = Core.BuildAlloca(_b, Core.ArrayType(_t.I64, (ulong)Math.Max(1, slots)), "inline.frame");
        Core.PositionBuilderAtEnd(_b, here);
        return frame;
    }

    private ValueRef BuildInlinedLeaf(PreparedMethod callee)
    {
        if (Refusal(callee) is not null || callee.Code.Any(i => i.Op == Op.LdSlotAddr)) return default;
        var name = $"{Core.GetValueName(_function)}.inline{_inlined.Count}";
        var leaf = new MethodCompiler(_module, callee, name, _env, leaf: true);
        try
        {
            leaf.Lower(-1);
        }
        catch (NeedsFrame)
        {
            Core.DeleteFunction(leaf._function);
            return default;
        }
        Core.SetLinkage(leaf._function, Linkage.Internal);
        Attributes.Add(_module, leaf._function, FunctionIndex, "alwaysinline");
        return leaf._function;
    }
}
