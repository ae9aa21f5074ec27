using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.X86.Cpu;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// The block's shadow of the guest registers and the lazy-flags record: one alloca each, loaded from
/// the state at entry and written back at every exit and around every helper call. LLVM promotes them
/// to SSA values, so inside a block a register lives in a host register, and a value that does not
/// change between a reload and the next write-back costs nothing.
/// </summary>
internal sealed unsafe partial class BlockLowering
{
    private const int ShadowedRegisters = 8;
    private static readonly string[] s_flagFields = [nameof(CpuState.CcOp), nameof(CpuState.CcDst), nameof(CpuState.CcSrc), nameof(CpuState.CcSrc2)];
    private readonly ValueRef[] _regs = new ValueRef[ShadowedRegisters];
    private readonly ValueRef[] _flags = new ValueRef[4];
    private const int CcOpField = 0, CcDstField = 1, CcSrcField = 2, CcSrc2Field = 3;

    /// <summary>
    /// Which shadows (bit r for register r, bit 8 + f for flag field f) may differ from the state:
    /// only those are written back. In a unit with more than one way into a block (several blocks, or
    /// a loop), each block starts with all of them set, since the path that led there may have written any.
    /// </summary>
    private int _dirty;
    private const int AllDirty = (1 << (ShadowedRegisters + 4)) - 1;

    /// <summary>The last flag-setting operation the translation emitted in this block, while no helper came after it.</summary>
    private CcOp? _knownCc;

    /// <summary>Where a load's miss helper leaves the value (in the entry block: an alloca elsewhere would grow the frame each time it runs).</summary>
    private ValueRef _slowValue;

    /// <summary>EIP and the retired-instruction count, shadowed too: inside a loop they stay in host registers.</summary>
    private ValueRef _eip, _count;

    private void LoadShadow()
    {
        _slowValue = Core.BuildAlloca(_b, _t.I32, "slow_value");
        _eip = Core.BuildAlloca(_b, _t.I32, "eip");
        _count = Core.BuildAlloca(_b, _t.I64, "count");
        for (var r = 0; r < ShadowedRegisters; r++) _regs[r] = Core.BuildAlloca(_b, _t.I32, Gpr.Names[r]);
        for (var f = 0; f < _flags.Length; f++) _flags[f] = Core.BuildAlloca(_b, _t.I32, s_flagFields[f]);
        LoadX87Shadow();
        ReloadShadow();
    }

    private void ReloadShadow()
    {
        for (var r = 0; r < ShadowedRegisters; r++) Core.BuildStore(_b, Core.BuildLoad(_b, _t.I32, RegisterField(r)), _regs[r]);
        for (var f = 0; f < _flags.Length; f++) Core.BuildStore(_b, Load32(s_flagFields[f]), _flags[f]);
        Core.BuildStore(_b, Load32(nameof(CpuState.Eip)), _eip);
        Core.BuildStore(_b, Core.BuildLoad(_b, _t.I64, Field(nameof(CpuState.InstructionCount))), _count);
        ReloadX87();
        _knownCc = null;
        _dirty = 0;
    }

    private void SpillShadow()
    {
        for (var r = 0; r < ShadowedRegisters; r++)
            if ((_dirty & (1 << r)) != 0) Core.BuildStore(_b, Core.BuildLoad(_b, _t.I32, _regs[r]), RegisterField(r));
        SpillFlags();
        SpillClock();
        SpillX87();
    }

    /// <summary>
    /// Writes back EIP and the instruction count, which a memory helper may observe (a device's
    /// virtual clock counts instructions) though it changes neither.
    /// </summary>
    internal void SpillClock()
    {
        Core.BuildStore(_b, Core.BuildLoad(_b, _t.I32, _eip), Field(nameof(CpuState.Eip)));
        SpillCount();
    }

    private void SpillCount() => Core.BuildStore(_b, Core.BuildLoad(_b, _t.I64, _count), Field(nameof(CpuState.InstructionCount)));

    /// <summary>Writes back the flag fields alone (what the condition helper reads); afterwards they match the state.</summary>
    private void SpillFlags()
    {
        for (var f = 0; f < _flags.Length; f++)
            if ((_dirty & FlagBit(f)) != 0) Core.BuildStore(_b, Core.BuildLoad(_b, _t.I32, _flags[f]), Field(s_flagFields[f]));
    }

    private static int FlagBit(int field) => 1 << (ShadowedRegisters + field);

    private ValueRef RegisterField(int register) => Field(nameof(CpuState.Regs), register * 4);

    /// <summary>
    /// A register operand by its byte offset in <see cref="CpuState.Regs"/> (AH is offset 1), zero-extended
    /// to 32 bits. The always-zero ninth slot reads as 0.
    /// </summary>
    internal ValueRef ReadReg(byte offset, int bits)
    {
        if (offset / 4 >= ShadowedRegisters) return Const(0);
        var whole = Core.BuildLoad(_b, _t.I32, _regs[offset / 4], Gpr.Names[offset / 4]);
        if (bits == 32) return whole;
        var shifted = offset % 4 == 0 ? whole : Core.BuildLShr(_b, whole, Const(8u * (uint)(offset % 4)));
        return Core.BuildAnd(_b, shifted, Const(Mask(bits)));
    }

    /// <summary>Writes the low <paramref name="bits"/> of <paramref name="value"/> into a register operand, keeping the rest of the register.</summary>
    internal void WriteReg(byte offset, int bits, ValueRef value)
    {
        var slot = _regs[offset / 4];
        _dirty |= 1 << (offset / 4);
        if (bits == 32)
        {
            Core.BuildStore(_b, value, slot);
            return;
        }
        var shift = 8u * (uint)(offset % 4);
        var kept = Core.BuildAnd(_b, Core.BuildLoad(_b, _t.I32, slot), Const(~(Mask(bits) << (int)shift)));
        var part = Core.BuildShl(_b, Core.BuildAnd(_b, value, Const(Mask(bits))), Const(shift));
        Core.BuildStore(_b, Core.BuildOr(_b, kept, part), slot);
    }

    /// <summary>Records a flag-setting operation lazily, as the interpreter's handlers do (<see cref="LazyFlags"/>).</summary>
    internal void SetFlags(CcOp kind8, int bits, ValueRef dst, ValueRef src, ValueRef? src2 = null)
    {
        var op = LazyFlags.Of(kind8, WidthIndex(bits));
        Core.BuildStore(_b, Const((uint)op), _flags[CcOpField]);
        Core.BuildStore(_b, dst, _flags[CcDstField]);
        Core.BuildStore(_b, src, _flags[CcSrcField]);
        _dirty |= FlagBit(CcOpField) | FlagBit(CcDstField) | FlagBit(CcSrcField);
        if (src2 is { } carry)
        {
            Core.BuildStore(_b, carry, _flags[CcSrc2Field]);
            _dirty |= FlagBit(CcSrc2Field);
        }
        _knownCc = op;
    }

    /// <summary>Materialized flags, as <see cref="LazyFlags.Set"/> records them (the x87's FCOMI).</summary>
    internal void SetEflags(ValueRef arithmeticFlags)
    {
        Core.BuildStore(_b, Const((uint)CcOp.Eflags), _flags[CcOpField]);
        Core.BuildStore(_b, Core.BuildAnd(_b, arithmeticFlags, Const(EflagsBits.Arithmetic)), _flags[CcSrcField]);
        _dirty |= FlagBit(CcOpField) | FlagBit(CcSrcField);
        _knownCc = CcOp.Eflags;
    }

    /// <summary>Replaces the record only where <paramref name="when"/> holds (a shift by CL of zero leaves the flags alone).</summary>
    internal void SetFlagsWhen(ValueRef when, CcOp kind8, int bits, ValueRef dst, ValueRef src)
    {
        var op = LazyFlags.Of(kind8, WidthIndex(bits));
        void Keep(int field, ValueRef value) =>
            Core.BuildStore(_b, Core.BuildSelect(_b, when, value, Core.BuildLoad(_b, _t.I32, _flags[field])), _flags[field]);
        Keep(CcOpField, Const((uint)op));
        Keep(CcDstField, dst);
        Keep(CcSrcField, src);
        _dirty |= FlagBit(CcOpField) | FlagBit(CcDstField) | FlagBit(CcSrcField);
        _knownCc = null;
    }

    private ValueRef FlagField(int field) => Core.BuildLoad(_b, _t.I32, _flags[field], s_flagFields[field]);

    internal static uint Mask(int bits) => bits == 32 ? 0xFFFF_FFFFu : (1u << bits) - 1;

    private static int WidthIndex(int bits) => bits == 8 ? 0 : bits == 16 ? 1 : 2;
}
