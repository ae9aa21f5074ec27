using System.Runtime.InteropServices;
using RuntimeLab.Jit.Ir;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Fpu;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// The x87 unit from compiled code. The values stay where the interpreter keeps them, in the state's
/// register file (between runs: <see cref="X87Run"/> holds them on the host's stack within one); TOP,
/// the tags, the condition codes and the instruction and operand pointers get SSA shadows like the
/// integer registers. The arithmetic is the host's own x87, as in the interpreter (<see cref="X87Host"/>),
/// but emitted inline, one instruction on the guest's operands in place, so no call and no copying
/// stands between two ops.
/// </summary>
/// <remarks>
/// While a unit with inline x87 ops runs it owns the host's x87 unit: on entry (and after every helper
/// call) it loads the guest's control word with all exceptions masked and clears the host's exception
/// flags; at every exit (and before every helper call) it puts the host's control word back. In
/// between the host flags accumulate exactly the exceptions the unit's ops raised, so the write-back
/// merges the last host status word into the guest's, as merging after each op (<see cref="X87.Host"/>)
/// would. An op that finds an empty source, a full destination or a TLB miss runs its handler instead,
/// which knows the stack-fault rules and the page walk.
/// </remarks>
internal sealed unsafe partial class BlockLowering
{
    /// <summary>Whether the unit has an inline x87 op, and so owns the host x87 while it runs.</summary>
    private bool _usesX87;
    /// <summary>
    /// TOP, and the empty mask relative to it (bit i: ST(i) is empty), as i32 shadows. Relative, so every
    /// stack check is a test against a constant; the state's mask is by physical register.
    /// </summary>
    private ValueRef _fpuTop, _fpuEmpty;
    /// <summary>
    /// The condition codes C0..C3 (in their status-word bits), the last host status word with bit 16
    /// set once a host operation ran, and the instruction and operand pointers: written back at exits
    /// only, so an op costs no status-word arithmetic (<see cref="SpillX87"/> merges it).
    /// </summary>
    private ValueRef _fpuConditions, _hostStatus, _fip, _fcs, _fdp, _fds, _csSelector;
    /// <summary>The host's control word saved at entry, then the guest's as the host runs it (2 × i16).</summary>
    private ValueRef _controlWords;

    private const uint HostRan = 1u << 16;
    private static readonly int s_fpu = Offset<CpuState>(nameof(CpuState.Fpu));

    private void LoadX87Shadow()
    {
        _usesX87 = _block.Blocks.Any(block => block.Ops.Any(op => InlineX87.Handles((nint)op.Handler)));
        if (!_usesX87) return;
        _fpuTop = Core.BuildAlloca(_b, _t.I32, "fpu_top");
        _fpuEmpty = Core.BuildAlloca(_b, _t.I32, "fpu_empty");
        _fpuConditions = Core.BuildAlloca(_b, _t.I32, "fpu_conditions");
        _hostStatus = Core.BuildAlloca(_b, _t.I32, "host_status");
        _fip = Core.BuildAlloca(_b, _t.I32, "fip");
        _fcs = Core.BuildAlloca(_b, _t.I16, "fcs");
        _fdp = Core.BuildAlloca(_b, _t.I32, "fdp");
        _fds = Core.BuildAlloca(_b, _t.I16, "fds");
        _csSelector = Core.BuildAlloca(_b, _t.I16, "cs_selector");
        _controlWords = Core.BuildAlloca(_b, _t.I32, "control_words");
    }

    /// <summary>Reads the x87 shadows, and hands the host x87 the guest's control word with clean flags.</summary>
    private void ReloadX87()
    {
        if (!_usesX87) return;
        var top = Core.BuildZExt(_b, FpuLoad(_t.I8, nameof(FpuState.Top)), _t.I32);
        Core.BuildStore(_b, top, _fpuTop);
        Core.BuildStore(_b, RotateRight(Core.BuildZExt(_b, FpuLoad(_t.I8, nameof(FpuState.EmptyMask)), _t.I32), top), _fpuEmpty);
        var status = Core.BuildZExt(_b, FpuLoad(_t.I16, nameof(FpuState.Status)), _t.I32);
        Core.BuildStore(_b, Core.BuildAnd(_b, status, Const(FpuStatus.ConditionCodes)), _fpuConditions);
        Core.BuildStore(_b, Const(0), _hostStatus);
        Core.BuildStore(_b, FpuLoad(_t.I32, nameof(FpuState.Fip)), _fip);
        Core.BuildStore(_b, FpuLoad(_t.I16, nameof(FpuState.Fcs)), _fcs);
        Core.BuildStore(_b, FpuLoad(_t.I32, nameof(FpuState.Fdp)), _fdp);
        Core.BuildStore(_b, FpuLoad(_t.I16, nameof(FpuState.Fds)), _fds);
        Core.BuildStore(_b, Core.BuildLoad(_b, _t.I16, Field(nameof(CpuState.Selectors), Seg.Cs * 2)), _csSelector);
        var masked = Core.BuildOr(_b, FpuLoad(_t.I16, nameof(FpuState.Control)), Core.ConstInt(_t.I16, FpuStatus.Exceptions));
        Core.BuildStore(_b, masked, Core.BuildInBoundsGep(_b, _t.I8, _controlWords, [Core.ConstInt(_t.I64, 2)]));
        // fnclex is slow (tens of cycles); the flags are almost always clear already.
        InlineAsm.Call(_b, _t.Function(_t.Void, _t.Ptr), "fnstcw ($0)\n\tfldcw 2($0)\n\tfnstsw %ax\n\ttestb $$0x3f, %al\n\tjz 1f\n\tfnclex\n1:",
            "r,~{ax},~{memory},~{fpsw},~{fpcr},~{dirflag},~{flags}", [_controlWords]);
    }

    /// <summary>
    /// Writes the x87 shadows back and gives the host its control word again. The status word takes the
    /// condition codes, and, if a host operation ran, the exceptions the host accumulated (they are
    /// sticky there as in the guest, so the last status word holds them all) with ES and B for an
    /// unmasked one, exactly as merging after each operation would (<see cref="X87.Host"/>).
    /// </summary>
    private void SpillX87()
    {
        if (!_usesX87) return;
        var top = Core.BuildLoad(_b, _t.I32, _fpuTop);
        FpuStore(Core.BuildTrunc(_b, top, _t.I8), nameof(FpuState.Top));
        FpuStore(Core.BuildTrunc(_b, RotateLeft(Core.BuildLoad(_b, _t.I32, _fpuEmpty), top), _t.I8), nameof(FpuState.EmptyMask));
        var host = Core.BuildLoad(_b, _t.I32, _hostStatus);
        var status = Core.BuildZExt(_b, FpuLoad(_t.I16, nameof(FpuState.Status)), _t.I32);
        status = Core.BuildOr(_b, Core.BuildAnd(_b, status, Const(~(uint)FpuStatus.ConditionCodes)), Core.BuildLoad(_b, _t.I32, _fpuConditions));
        status = Core.BuildOr(_b, status, Core.BuildAnd(_b, host, Const(FpuStatus.Exceptions)));
        var control = Core.BuildZExt(_b, FpuLoad(_t.I16, nameof(FpuState.Control)), _t.I32);
        var unmasked = Core.BuildAnd(_b, Core.BuildAnd(_b, status, Core.BuildNot(_b, control)), Const(FpuStatus.Exceptions));
        var summarize = Core.BuildAnd(_b, Core.BuildICmp(_b, IntPredicate.Ne, unmasked, Const(0)), Core.BuildICmp(_b, IntPredicate.Ne, Core.BuildAnd(_b, host, Const(HostRan)), Const(0)));
        status = Core.BuildOr(_b, status, Core.BuildSelect(_b, summarize, Const(FpuStatus.ES | FpuStatus.B), Const(0)));
        FpuStore(Core.BuildTrunc(_b, status, _t.I16), nameof(FpuState.Status));
        FpuStore(Core.BuildLoad(_b, _t.I32, _fip), nameof(FpuState.Fip));
        FpuStore(Core.BuildLoad(_b, _t.I16, _fcs), nameof(FpuState.Fcs));
        FpuStore(Core.BuildLoad(_b, _t.I32, _fdp), nameof(FpuState.Fdp));
        FpuStore(Core.BuildLoad(_b, _t.I16, _fds), nameof(FpuState.Fds));
        InlineAsm.Call(_b, _t.Function(_t.Void, _t.Ptr), "fldcw ($0)", "r,~{memory},~{fpcr},~{dirflag}", [_controlWords]);
    }

    /// <summary>The physical register of ST(<paramref name="i"/>), an i32 in 0..7.</summary>
    internal ValueRef StPhysical(int i) => Core.BuildAnd(_b, Core.BuildAdd(_b, Core.BuildLoad(_b, _t.I32, _fpuTop), Const((uint)i)), Const(7));

    /// <summary>The 16-byte slot of physical register <paramref name="physical"/>.</summary>
    internal ValueRef Slot(ValueRef physical)
    {
        var offset = Core.BuildAdd(_b, Core.ConstInt(_t.I64, s_fpu + Offset<FpuState>(nameof(FpuState.RegisterWords))),
            Core.BuildMul(_b, Core.BuildZExt(_b, physical, _t.I64), Core.ConstInt(_t.I64, FpuState.RegisterSlotBytes)));
        return Core.BuildInBoundsGep(_b, _t.I8, _state, [offset], "st_slot");
    }

    /// <summary>Whether every ST(i) in <paramref name="sources"/> holds a value (else the handler reports the underflow).</summary>
    internal ValueRef StValid(params int[] sources) => StackHolds(sources.Aggregate(0u, (mask, i) => mask | (1u << i)), 0);

    /// <summary>Whether a push finds its register empty (else the handler reports the overflow).</summary>
    internal ValueRef PushFits() => StackHolds(0, 1u << 7);

    /// <summary>Decrements TOP and marks the new ST(0) valid; returns its slot, for the caller to fill.</summary>
    internal ValueRef Push()
    {
        var top = StPhysical(7);
        Core.BuildStore(_b, top, _fpuTop);
        Core.BuildStore(_b, Core.BuildAnd(_b, RotateLeft(Core.BuildLoad(_b, _t.I32, _fpuEmpty), Const(1)), Const(0xFE)), _fpuEmpty);
        return Slot(top);
    }

    /// <summary>Marks ST(0) empty and increments TOP.</summary>
    internal void Pop()
    {
        var top = Core.BuildLoad(_b, _t.I32, _fpuTop);
        Core.BuildStore(_b, RotateRight(Core.BuildOr(_b, Core.BuildLoad(_b, _t.I32, _fpuEmpty), Const(1)), Const(1)), _fpuEmpty);
        Core.BuildStore(_b, Core.BuildAnd(_b, Core.BuildAdd(_b, top, Const(1)), Const(7)), _fpuTop);
    }

    internal void MarkValid(int i) =>
        Core.BuildStore(_b, Core.BuildAnd(_b, Core.BuildLoad(_b, _t.I32, _fpuEmpty), Const(~(1u << i))), _fpuEmpty);

    /// <summary>Copies an 80-bit value between slots or guest memory (the two words as the interpreter's <see cref="Float80"/> holds them).</summary>
    internal void CopyFloat80(ValueRef from, ValueRef to)
    {
        Core.SetAlignment(Core.BuildStore(_b, Load(from, _t.I64, 0), to), 1);
        var high = Core.BuildInBoundsGep(_b, _t.I8, to, [Core.ConstInt(_t.I64, 8)]);
        Core.SetAlignment(Core.BuildStore(_b, Load(from, _t.I16, 8), high), 1);
    }

    /// <summary>Writes a constant value into a slot.</summary>
    internal void StoreFloat80(Float80 value, ValueRef to)
    {
        Core.BuildStore(_b, Core.ConstInt(_t.I64, (long)value.Significand), to);
        Core.BuildStore(_b, Core.ConstInt(_t.I16, value.SignExponent), Core.BuildInBoundsGep(_b, _t.I8, to, [Core.ConstInt(_t.I64, 8)]));
    }

    /// <summary>Exchanges the values of two slots (both read before either is written, so a slot with itself is left as it is).</summary>
    internal void SwapFloat80(ValueRef first, ValueRef second)
    {
        var (low1, high1, low2, high2) = (Load(first, _t.I64, 0), Load(first, _t.I16, 8), Load(second, _t.I64, 0), Load(second, _t.I16, 8));
        Core.BuildStore(_b, low2, first);
        Core.BuildStore(_b, high2, Core.BuildInBoundsGep(_b, _t.I8, first, [Core.ConstInt(_t.I64, 8)]));
        Core.BuildStore(_b, low1, second);
        Core.BuildStore(_b, high1, Core.BuildInBoundsGep(_b, _t.I8, second, [Core.ConstInt(_t.I64, 8)]));
    }

    /// <summary>Whether the value in a slot has its sign bit set, as an i1.</summary>
    internal ValueRef SignOf(ValueRef slot) =>
        Core.BuildICmp(_b, IntPredicate.Slt, Load(slot, _t.I16, 8), Core.ConstInt(_t.I16, 0));

    /// <summary>Where <paramref name="when"/> holds, the condition codes become <paramref name="conditions"/> (<see cref="X87.SetConditions"/>).</summary>
    internal void SetConditionsWhen(ValueRef when, ushort conditions) =>
        Core.BuildStore(_b, Core.BuildSelect(_b, when, Const(conditions), Core.BuildLoad(_b, _t.I32, _fpuConditions)), _fpuConditions);

    internal ValueRef And(ValueRef a, ValueRef b) => Core.BuildAnd(_b, a, b);
    internal ValueRef Or(ValueRef a, ValueRef b) => Core.BuildOr(_b, a, b);
    internal ValueRef Not(ValueRef a) => Core.BuildNot(_b, a);

    private ValueRef Load(ValueRef pointer, TypeRef type, int offset)
    {
        var load = Core.BuildLoad(_b, type, Core.BuildInBoundsGep(_b, _t.I8, pointer, [Core.ConstInt(_t.I64, offset)]));
        Core.SetAlignment(load, 1);
        return load;
    }

    /// <summary>FIP and FCS, as <see cref="X87.NoteInstruction"/> records them.</summary>
    internal void NoteInstruction(in DecodedOp op)
    {
        Core.BuildStore(_b, Const(op.Eip), _fip);
        Core.BuildStore(_b, Core.BuildLoad(_b, _t.I16, _csSelector), _fcs);
    }

    /// <summary>Also FDP and FDS (<see cref="X87.NoteMemory"/>), once the access is known to succeed.</summary>
    internal void NoteMemory(in DecodedOp op)
    {
        NoteInstruction(op);
        Core.BuildStore(_b, EffectiveAddress(op), _fdp);
        Core.BuildStore(_b, Core.BuildLoad(_b, _t.I16, Field(nameof(CpuState.Selectors), op.Segment * 2)), _fds);
    }

    /// <summary>
    /// Takes the host status word after a host operation, as <see cref="X87.Host"/> merges it: C1 (or,
    /// where <paramref name="conditions"/> is given, those condition bits replacing all four, as
    /// <see cref="X87.SetConditions"/> does) at once; the exception flags at the next write-back.
    /// </summary>
    internal void MergeHostStatus(ValueRef hostStatus, ushort? conditions = null)
    {
        var host = Core.BuildZExt(_b, hostStatus, _t.I32);
        Core.BuildStore(_b, Core.BuildOr(_b, host, Const(HostRan)), _hostStatus);
        var replaced = conditions is null ? FpuStatus.C1 : FpuStatus.ConditionCodes;
        var taken = conditions ?? FpuStatus.C1;
        var kept = Core.BuildAnd(_b, Core.BuildLoad(_b, _t.I32, _fpuConditions), Const(~(uint)replaced));
        Core.BuildStore(_b, Core.BuildOr(_b, kept, Core.BuildAnd(_b, host, Const(taken))), _fpuConditions);
    }

    /// <summary>Clears condition bits that an op without a host operation changes (C1 after FXCH, FCHS, FABS).</summary>
    internal void ClearStatus(ushort bits) =>
        Core.BuildStore(_b, Core.BuildAnd(_b, Core.BuildLoad(_b, _t.I32, _fpuConditions), Const(~(uint)bits)), _fpuConditions);

    /// <summary>
    /// The op inline where <paramref name="fast"/> may run (the stack and TLB checks in <paramref name="guard"/>
    /// hold), else through its handler.
    /// </summary>
    internal void GuardedOrHandler(ValueRef guard, Action fast) => Guarded(guard, fast, CallHandler);

    /// <summary>
    /// <paramref name="fast"/> where <paramref name="guard"/> holds, else <paramref name="slow"/>. Neither
    /// path may leave the EFLAGS record in a different kind, so what the block knows of it survives;
    /// what either wrote is written back later.
    /// </summary>
    internal void Guarded(ValueRef guard, Action fast, Action slow)
    {
        var fastPath = NewBlock("x87_fast");
        var slowPath = NewBlock("x87_slow");
        var join = NewBlock("x87_done");
        Expect(guard, fastPath, slowPath);
        var (dirty, known, op) = (_dirty, _knownCc, _op);

        StartBlock(slowPath);
        slow();
        Core.BuildBr(_b, join);
        var slowDirty = _dirty;

        StartBlock(fastPath);
        (_dirty, _knownCc, _op, _faultExit) = (dirty, known, op, null);
        fast();
        Core.BuildBr(_b, join);
        _dirty |= slowDirty;

        StartBlock(join);
    }

    /// <summary>A run of x87 ops as one piece of host code (<see cref="X87Run"/>), or the ops one by one where its guard fails.</summary>
    private void LowerX87Run(X87Run run)
    {
        var ops = _current.Ops;
        var start = _op;
        var (fits, hosts) = run.Guard(this, ops, start);
        Guarded(fits, () => run.Emit(this, ops, start, hosts), () =>
        {
            for (_op = start; _op < start + run.Length; _op++)
            {
                _faultExit = null;
                InlineOps.Find((nint)ops[_op].Handler)!(this, ops[_op]);
            }
        });
        _op = start + run.Length - 1;
    }

    /// <summary>Whether the registers in <paramref name="mustBeValid"/> hold values and those in <paramref name="mustBeEmpty"/> are empty (bit r: ST(r), r mod 8).</summary>
    internal ValueRef StackHolds(uint mustBeValid, uint mustBeEmpty)
    {
        var empty = Core.BuildLoad(_b, _t.I32, _fpuEmpty);
        return Core.BuildICmp(_b, IntPredicate.Eq, Core.BuildAnd(_b, empty, Const(mustBeValid | mustBeEmpty)), Const(mustBeEmpty));
    }

    /// <summary>
    /// After a run: the registers in <paramref name="valid"/> and <paramref name="empty"/> (relative to TOP
    /// before the move) get those tags, and TOP moves by <paramref name="delta"/>.
    /// </summary>
    internal void MoveStack(int delta, uint valid, uint empty)
    {
        var tags = Core.BuildOr(_b, Core.BuildAnd(_b, Core.BuildLoad(_b, _t.I32, _fpuEmpty), Const(~valid & 0xFF)), Const(empty));
        if (delta != 0)
        {
            tags = RotateRight(tags, Const((uint)(delta & 7)));
            Core.BuildStore(_b, StPhysical(delta & 7), _fpuTop);
        }
        Core.BuildStore(_b, tags, _fpuEmpty);
    }

    /// <summary>An 8-bit mask rotated by 0..7 places (relative tags to physical ones: left by TOP).</summary>
    private ValueRef RotateLeft(ValueRef mask, ValueRef places) =>
        Core.BuildAnd(_b, Core.BuildOr(_b, Core.BuildShl(_b, mask, places), Core.BuildLShr(_b, mask, Core.BuildSub(_b, Const(8), places))), Const(0xFF));

    private ValueRef RotateRight(ValueRef mask, ValueRef places) =>
        Core.BuildAnd(_b, Core.BuildOr(_b, Core.BuildLShr(_b, mask, places), Core.BuildShl(_b, mask, Core.BuildSub(_b, Const(8), places))), Const(0xFF));

    private ValueRef FpuField(string field) =>
        Core.BuildInBoundsGep(_b, _t.I8, _state, [Core.ConstInt(_t.I64, s_fpu + Offset<FpuState>(field))], field);

    private ValueRef FpuLoad(TypeRef type, string field) => Core.BuildLoad(_b, type, FpuField(field), field);

    private void FpuStore(ValueRef value, string field) => Core.BuildStore(_b, value, FpuField(field));
}
