using System.Runtime.InteropServices;
using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// The x86 frontend: lowers one decoded block to an LLVM function <c>ptr @x86_…(ptr noalias %state)</c>
/// over the guest CPU state, for the shared backend to compile. The common integer instructions are
/// lowered inline (<see cref="InlineOps"/>), with the registers and the lazy-flags record held in SSA
/// values for the whole block; every other instruction calls the interpreter's own handler for it
/// (one implementation of each semantic), with the registers written back before the call and
/// reloaded after it. A block with a compiled successor chains to it directly.
/// </summary>
/// <remarks>
/// The function returns null when the block (and whatever it chained to) ran to its end, or the op
/// that raised a guest exception, with the guest state exactly as the interpreter would have left it
/// before that op and the instructions before it counted; the run loop then delivers the exception
/// (<see cref="HelperCalls"/>). Inline lowerings keep that promise by making every access that can
/// fault before they change any register or flag: a fault exit writes back the values from before
/// the op.
/// </remarks>
internal sealed unsafe partial class BlockLowering
{
    private readonly IrModule _module;
    private readonly IrTypes _t;
    private readonly BuilderRef _b;
    private readonly ValueRef _function;
    private readonly ValueRef _state;
    private readonly BlockSnapshot _block;
    private readonly TypeRef _blockType;
    /// <summary>The op being lowered, and its fault exit once something in it can fault.</summary>
    private int _op;
    private BasicBlockRef? _faultExit;

    private BlockLowering(IrModule module, BlockSnapshot block, string name)
    {
        _module = module;
        _t = module.Types;
        _block = block;
        _blockType = _t.Function(_t.Ptr, _t.Ptr);
        (_function, _b) = module.DefineFunction(name, _t.Ptr, _t.Ptr);
        _state = Core.GetParam(_function, 0);
        // Guest memory never overlaps the CPU state: tell LLVM, so state fields stay in registers across guest stores.
        Attributes.Add(module, _function, 1, "noalias");
        Attributes.Add(module, _function, 1, "nonnull");
    }

    /// <summary>The builder and types, for the op families' lowerings (<see cref="InlineOps"/>).</summary>
    internal BuilderRef B => _b;
    internal IrTypes T => _t;

    /// <summary>Lowers <paramref name="block"/> into <paramref name="module"/> as <c>@x86_ADDR</c>, or as <paramref name="name"/>.</summary>
    public static void Build(IrModule module, BlockSnapshot block, string? name = null) =>
        new BlockLowering(module, block, name ?? $"x86_{block.CodeBase + block.Eip:x8}").Lower();

    /// <summary>How many of the unit's instructions lower inline (the rest call their handlers).</summary>
    public static int InlineCount(BlockSnapshot unit) =>
        unit.Blocks.Sum(block => block.Ops.Count(op => InlineOps.Find((nint)op.Handler) is not null));

    /// <summary>The unit's block being lowered (its ops are what fault exits and helper calls name).</summary>
    private UnitBlock _current = null!;

    private void Lower()
    {
        LoadShadow();
        var blocks = _block.Blocks;
        var bodies = blocks.Select(block => _module.AppendBlock(_function, $"block_{block.Eip:x8}")).ToArray();
        var bodyAt = Enumerable.Range(0, blocks.Count).ToDictionary(m => blocks[m].Eip, m => bodies[m]);
        // With more than one way into a block, what is already written back is not known while translating.
        var merges = blocks.Count > 1 || blocks[0].DirectTargets().Contains(_block.Eip);
        Core.BuildBr(_b, bodies[0]);
        for (var m = 0; m < blocks.Count; m++)
        {
            Core.PositionBuilderAtEnd(_b, bodies[m]);
            _current = blocks[m];
            _knownCc = null;
            if (merges) _dirty = AllDirty;
            // As in the interpreter, EIP is the block's end while its ops run: a branch overwrites it.
            Core.BuildStore(_b, Const(_current.FallthroughEip), _eip);
            for (_op = 0; _op < _current.Ops.Length; _op++)
            {
                _faultExit = null;
                var op = _current.Ops[_op];
                if (_usesX87 && X87Run.At(_current.Ops, _op) is { } run) LowerX87Run(run);
                else if (InlineOps.Find((nint)op.Handler) is { } lower) lower(this, op);
                else CallHandler();
            }
            Retire(_current.Ops.Length);
            foreach (var target in _current.DirectTargets().Distinct())
                if (bodyAt.TryGetValue(target, out var body)) ContinueIn(target, body);
            SpillShadow();
            ChainOrReturn();
        }
    }

    /// <summary>
    /// A branch to another block of the unit (or back to the same one, a loop) stays in the function,
    /// registers still in host registers, wherever it could have chained: the slice is not over,
    /// nothing needs the run loop, and the entry block is still the one in the block table (a store to
    /// the unit's own code removes it from there). Otherwise the code falls through to the normal exit.
    /// </summary>
    private void ContinueIn(uint target, BasicBlockRef body)
    {
        var again = _module.AppendBlock(_function, "again");
        var leave = _module.AppendBlock(_function, "leave");
        var eip = Core.BuildLoad(_b, _t.I32, _eip, "eip");
        var mayContinue = Core.BuildAnd(_b, Core.BuildICmp(_b, IntPredicate.Eq, eip, Const(target)), SliceGoesOn());
        Core.BuildCondBr(_b, mayContinue, again, leave);

        Core.PositionBuilderAtEnd(_b, again);
        var entry = Core.BuildLoad(_b, _t.Ptr, FastSlot(CodeBase(), Const(_block.Eip)), "entry");
        Core.BuildCondBr(_b, Core.BuildICmp(_b, IntPredicate.Eq, entry, Address(_block.Block)), body, leave);
        Core.PositionBuilderAtEnd(_b, leave);
    }

    /// <summary>
    /// Whether compiled code may go on without the run loop: the slice (<see cref="CpuState.InstructionLimit"/>)
    /// is not over, no stop is requested, and the slow path (debug, trace) is off.
    /// </summary>
    private ValueRef SliceGoesOn()
    {
        var count = Core.BuildLoad(_b, _t.I64, _count, "count");
        var limit = Core.BuildLoad(_b, _t.I64, Field(nameof(CpuState.InstructionLimit)));
        var quiet = Core.BuildOr(_b, Load32(nameof(CpuState.Stop)), Load32(nameof(CpuState.SlowPath)));
        return Core.BuildAnd(_b, Core.BuildICmp(_b, IntPredicate.Ult, count, limit), Core.BuildICmp(_b, IntPredicate.Eq, quiet, Const(0)));
    }

    private ValueRef CodeBase() => Core.BuildLoad(_b, _t.I32, Field(nameof(CpuState.SegmentBase), Seg.Cs * 4), "cs_base");

    /// <summary>The block table's slot for <paramref name="codeBase"/> + <paramref name="eip"/>.</summary>
    private ValueRef FastSlot(ValueRef codeBase, ValueRef eip)
    {
        var slotIndex = Core.BuildAnd(_b, Core.BuildAdd(_b, codeBase, eip), Const(BlockCache.FastSlots - 1));
        return Core.BuildInBoundsGep(_b, _t.I64, Address(_block.FastTable), [Core.BuildZExt(_b, slotIndex, _t.I64)]);
    }

    /// <summary>The op through the interpreter's handler: the registers go back to the state around the call.</summary>
    private void CallHandler()
    {
        SpillShadow();
        var op = OpAddress();
        var status = Core.BuildCall(_b, _t.Function(_t.I32, _t.Ptr, _t.Ptr), Address(HelperCalls.RunOpAddress), [_state, op], "status");
        var next = _module.AppendBlock(_function, $"after_{_op}");
        var raised = _module.AppendBlock(_function, $"raised_{_op}");
        Expect(Core.BuildICmp(_b, IntPredicate.Eq, status, Const(0)), next, raised);
        Core.PositionBuilderAtEnd(_b, raised);
        // The handler left the state as before the op (EIP included, which a task switch sets): only the count moves.
        Retire(_op);
        SpillCount();
        Core.BuildRet(_b, op);
        Core.PositionBuilderAtEnd(_b, next);
        ReloadShadow();
    }

    /// <summary>
    /// Where the current op leaves when one of its accesses faults: the registers as they were before
    /// it, the ops before it counted, and the op returned for the run loop to deliver the exception.
    /// </summary>
    internal BasicBlockRef FaultExit()
    {
        if (_faultExit is { } exit) return exit;
        var here = Core.GetInsertBlock(_b);
        var block = _module.AppendBlock(_function, $"fault_{_op}");
        Core.PositionBuilderAtEnd(_b, block);
        Retire(_op);
        SpillShadow();
        Core.BuildRet(_b, OpAddress());
        Core.PositionBuilderAtEnd(_b, here);
        _faultExit = block;
        return block;
    }

    /// <summary>Branches on a condition that is almost always true (fault checks, TLB hits).</summary>
    internal void Expect(ValueRef likely, BasicBlockRef then, BasicBlockRef otherwise)
    {
        var branch = Core.BuildCondBr(_b, likely, then, otherwise);
        BranchWeights.Set(_module, branch, 1000, 1);
    }

    internal BasicBlockRef NewBlock(string name) => _module.AppendBlock(_function, $"{name}_{_op}");

    internal void StartBlock(BasicBlockRef block) => Core.PositionBuilderAtEnd(_b, block);

    /// <summary>Counts <paramref name="instructions"/> as retired (the run loop tells compiled from interpreted by the difference).</summary>
    private void Retire(int instructions)
    {
        if (instructions == 0) return;
        Core.BuildStore(_b, Core.BuildAdd(_b, Core.BuildLoad(_b, _t.I64, _count), Core.ConstInt(_t.I64, instructions)), _count);
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
        Core.BuildCondBr(_b, SliceGoesOn(), lookup, done);

        Core.PositionBuilderAtEnd(_b, lookup);
        var eip = Core.BuildLoad(_b, _t.I32, _eip, "eip");
        var codeBase = CodeBase();
        var mode = Load32(nameof(CpuState.CodeMode));
        var next = Core.BuildLoad(_b, _t.Ptr, FastSlot(codeBase, eip), "next");
        var present = _module.AppendBlock(_function, "present");
        Core.BuildCondBr(_b, Core.BuildICmp(_b, IntPredicate.Ne, Core.BuildPtrToInt(_b, next, _t.I64), Core.ConstInt(_t.I64, 0)), present, done);

        Core.PositionBuilderAtEnd(_b, present);
        var differs = Core.BuildOr(_b,
            Core.BuildOr(_b, Core.BuildXor(_b, BlockField(next, nameof(Block.Eip)), eip), Core.BuildXor(_b, BlockField(next, nameof(Block.CodeBase)), codeBase)),
            Core.BuildXor(_b, BlockField(next, nameof(Block.Mode)), mode));
        var code = Core.BuildLoad(_b, _t.Ptr, Core.BuildInBoundsGep(_b, _t.I8, next, [Core.ConstInt(_t.I64, Offset<Block>(nameof(Block.Code)))]), "code");
        var compiled = Core.BuildICmp(_b, IntPredicate.Ne, Core.BuildPtrToInt(_b, code, _t.I64), Core.ConstInt(_t.I64, 0));
        var jump = _module.AppendBlock(_function, "chain");
        Core.BuildCondBr(_b, Core.BuildAnd(_b, Core.BuildICmp(_b, IntPredicate.Eq, differs, Const(0)), compiled), jump, done);

        Core.PositionBuilderAtEnd(_b, jump);
        // A tail call: however long the chain, the host stack does not grow.
        var call = Core.BuildCall(_b, _blockType, code, [_state], "chained");
        Core.SetTailCallKind(call, TailCallKind.MustTail);
        Core.BuildRet(_b, call);

        Core.PositionBuilderAtEnd(_b, done);
        Core.BuildRet(_b, Core.ConstNull(_t.Ptr));
    }

    /// <summary>A branch's target, into EIP's shadow.</summary>
    internal void SetEip(ValueRef eip) => Core.BuildStore(_b, eip, _eip);

    private ValueRef OpAddress() => Address(_current.OpAddress(_op));

    internal ValueRef Load32(string field) => Core.BuildLoad(_b, _t.I32, Field(field), field);

    private ValueRef BlockField(ValueRef block, string field) =>
        Core.BuildLoad(_b, _t.I32, Core.BuildInBoundsGep(_b, _t.I8, block, [Core.ConstInt(_t.I64, Offset<Block>(field))]), field);

    /// <summary>A field of the CPU state in memory (the registers and flags have SSA shadows: see <see cref="ReadReg"/>).</summary>
    internal ValueRef Field(string field, int extra = 0) =>
        Core.BuildInBoundsGep(_b, _t.I8, _state, [Core.ConstInt(_t.I64, Offset<CpuState>(field) + extra)], field);

    private static int Offset<T>(string field) => (int)Marshal.OffsetOf<T>(field);

    /// <summary>An i32 constant.</summary>
    internal ValueRef Const(uint value) => Core.ConstInt(_t.I32, value);

    /// <summary>A host address baked into the code: an op, a helper, the block table.</summary>
    internal ValueRef Address(nint address) => Core.ConstIntToPtr(Core.ConstInt(_t.I64, (long)address), _t.Ptr);
}
