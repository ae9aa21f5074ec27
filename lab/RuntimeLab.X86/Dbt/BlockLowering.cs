using System.Runtime.InteropServices;
using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// The x86 frontend: lowers one decoded block to an LLVM function <c>ptr @x86_…(ptr noalias %state)</c>
/// over the guest CPU state, for the shared backend to compile. This first tier is call-threaded:
/// each instruction becomes a call of the interpreter's own handler for it (one implementation of
/// each semantic), and what the translation removes is the interpreter's dispatch: the run loop, the
/// per-op indirect calls through the block, and the return to the loop between blocks, since a block
/// with a compiled successor chains to it directly.
/// </summary>
/// <remarks>
/// The function returns null when the block (and whatever it chained to) ran to its end, or the op
/// whose handler raised a guest exception, with the instructions before it counted; the run loop
/// then delivers that exception exactly as the interpreter does (<see cref="HelperCalls"/>).
/// </remarks>
internal sealed unsafe class BlockLowering
{
    private readonly IrModule _module;
    private readonly IrTypes _t;
    private readonly BuilderRef _b;
    private readonly ValueRef _function;
    private readonly ValueRef _state;
    private readonly BlockSnapshot _block;
    private readonly TypeRef _blockType;
    private readonly TypeRef _runOpType;

    private BlockLowering(IrModule module, BlockSnapshot block, string name)
    {
        _module = module;
        _t = module.Types;
        _block = block;
        _blockType = _t.Function(_t.Ptr, _t.Ptr);
        _runOpType = _t.Function(_t.I32, _t.Ptr, _t.Ptr);
        (_function, _b) = module.DefineFunction(name, _t.Ptr, _t.Ptr);
        _state = Core.GetParam(_function, 0);
        // Guest memory never overlaps the CPU state: tell LLVM, so state fields stay in registers across guest stores.
        Attributes.Add(module, _function, 1, "noalias");
        Attributes.Add(module, _function, 1, "nonnull");
    }

    public static void Build(IrModule module, BlockSnapshot block) =>
        new BlockLowering(module, block, $"x86_{block.CodeBase + block.Eip:x8}").Lower();

    private void Lower()
    {
        var count = _block.Count;
        // As in the interpreter, EIP is the block's end while its ops run: a branch's handler overwrites it.
        Core.BuildStore(_b, Const(_t.I32, _block.FallthroughEip), Field(nameof(CpuState.Eip)));
        for (var k = 0; k < count; k++)
        {
            var op = Address(_block.OpAddress(k));
            var status = Core.BuildCall(_b, _runOpType, Address(HelperCalls.RunOpAddress), [_state, op], "status");
            var next = _module.AppendBlock(_function, $"after_{k}");
            var raised = _module.AppendBlock(_function, $"raised_{k}");
            var branch = Core.BuildCondBr(_b, Core.BuildICmp(_b, IntPredicate.Ne, status, Const(_t.I32, 0)), raised, next);
            BranchWeights.Set(_module, branch, 1, 1000);
            Core.PositionBuilderAtEnd(_b, raised);
            Retire(k);
            Core.BuildRet(_b, op);
            Core.PositionBuilderAtEnd(_b, next);
        }
        Retire(count);
        ChainOrReturn();
    }

    /// <summary>Counts <paramref name="instructions"/> as retired, in compiled code.</summary>
    private void Retire(int instructions)
    {
        if (instructions == 0) return;
        foreach (var field in (ReadOnlySpan<string>)[nameof(CpuState.InstructionCount), nameof(CpuState.CompiledInstructionCount)])
        {
            var at = Field(field);
            Core.BuildStore(_b, Core.BuildAdd(_b, Core.BuildLoad(_b, _t.I64, at), Const(_t.I64, instructions)), at);
        }
    }

    /// <summary>
    /// The block's end: jump straight into the next block's translation if it has one and nothing
    /// needs the run loop (the slice is not over, no stop was requested, no debug or trace slow path);
    /// else return to the loop. The next block is found in the block cache's direct-mapped table,
    /// by the same three-part key the loop uses; an invalidated block is never in it.
    /// </summary>
    private void ChainOrReturn()
    {
        var done = _module.AppendBlock(_function, "to_loop");
        var lookup = _module.AppendBlock(_function, "lookup");
        var count = Core.BuildLoad(_b, _t.I64, Field(nameof(CpuState.InstructionCount)));
        var limit = Core.BuildLoad(_b, _t.I64, Field(nameof(CpuState.InstructionLimit)));
        var quiet = Core.BuildOr(_b, Load32(nameof(CpuState.Stop)), Load32(nameof(CpuState.SlowPath)));
        var mayChain = Core.BuildAnd(_b, Core.BuildICmp(_b, IntPredicate.Ult, count, limit), Core.BuildICmp(_b, IntPredicate.Eq, quiet, Const(_t.I32, 0)));
        Core.BuildCondBr(_b, mayChain, lookup, done);

        Core.PositionBuilderAtEnd(_b, lookup);
        var eip = Load32(nameof(CpuState.Eip));
        var codeBase = Core.BuildLoad(_b, _t.I32, Field(nameof(CpuState.SegmentBase), Seg.Cs * 4), "cs_base");
        var mode = Load32(nameof(CpuState.CodeMode));
        var slotIndex = Core.BuildAnd(_b, Core.BuildAdd(_b, codeBase, eip), Const(_t.I32, BlockCache.FastSlots - 1));
        var slot = Core.BuildInBoundsGep(_b, _t.I64, Address(_block.FastTable), [Core.BuildZExt(_b, slotIndex, _t.I64)]);
        var next = Core.BuildLoad(_b, _t.Ptr, slot, "next");
        var present = _module.AppendBlock(_function, "present");
        Core.BuildCondBr(_b, Core.BuildICmp(_b, IntPredicate.Ne, Core.BuildPtrToInt(_b, next, _t.I64), Const(_t.I64, 0)), present, done);

        Core.PositionBuilderAtEnd(_b, present);
        var differs = Core.BuildOr(_b,
            Core.BuildOr(_b, Core.BuildXor(_b, BlockField(next, nameof(Block.Eip)), eip), Core.BuildXor(_b, BlockField(next, nameof(Block.CodeBase)), codeBase)),
            Core.BuildXor(_b, BlockField(next, nameof(Block.Mode)), mode));
        var code = Core.BuildLoad(_b, _t.Ptr, Core.BuildInBoundsGep(_b, _t.I8, next, [Const(_t.I64, Offset<Block>(nameof(Block.Code)))]), "code");
        var compiled = Core.BuildICmp(_b, IntPredicate.Ne, Core.BuildPtrToInt(_b, code, _t.I64), Const(_t.I64, 0));
        var jump = _module.AppendBlock(_function, "chain");
        Core.BuildCondBr(_b, Core.BuildAnd(_b, Core.BuildICmp(_b, IntPredicate.Eq, differs, Const(_t.I32, 0)), compiled), jump, done);

        Core.PositionBuilderAtEnd(_b, jump);
        // A tail call: however long the chain, the host stack does not grow.
        var call = Core.BuildCall(_b, _blockType, code, [_state], "chained");
        Core.SetTailCallKind(call, TailCallKind.MustTail);
        Core.BuildRet(_b, call);

        Core.PositionBuilderAtEnd(_b, done);
        Core.BuildRet(_b, Core.ConstNull(_t.Ptr));
    }

    private ValueRef Load32(string field) => Core.BuildLoad(_b, _t.I32, Field(field), field);

    private ValueRef BlockField(ValueRef block, string field) =>
        Core.BuildLoad(_b, _t.I32, Core.BuildInBoundsGep(_b, _t.I8, block, [Const(_t.I64, Offset<Block>(field))]), field);

    private ValueRef Field(string field, int extra = 0) =>
        Core.BuildInBoundsGep(_b, _t.I8, _state, [Const(_t.I64, Offset<CpuState>(field) + extra)], field);

    private static int Offset<T>(string field) => (int)Marshal.OffsetOf<T>(field);

    private static ValueRef Const(TypeRef type, long value) => Core.ConstInt(type, value);

    /// <summary>A host address baked into the code: an op, a helper, the block table.</summary>
    private ValueRef Address(nint address) => Core.ConstIntToPtr(Core.ConstInt(_t.I64, (long)address), _t.Ptr);
}
