using System.Runtime.InteropServices;
using RuntimeLab.Jit.Llvm.Native;
using RuntimeLab.Jit.Llvm;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Dbt;

/// <summary>
/// Guest memory from compiled code: the soft-MMU TLB hit path inline (the same test as
/// <see cref="Mem"/>: the page's tag matches and the access stays inside the page), then one host
/// load or store; everything else (a miss, a page crossing, a page walk, a fault, MMIO, a write to a
/// page holding decoded code) goes through the interpreter's own access in a helper. The host address
/// is formed only from a valid entry's addend, so a guest can never reach host memory outside its own.
/// </summary>
internal sealed unsafe partial class BlockLowering
{
    /// <summary>The effective address of the op's memory operand (LEA's result).</summary>
    internal ValueRef EffectiveAddress(in DecodedOp op)
    {
        var address = Const(op.Disp);
        if (op.Base != Gpr.Zero) address = Core.BuildAdd(_b, ReadReg((byte)(op.Base * 4), 32), address);
        if (op.Index != Gpr.Zero) address = Core.BuildAdd(_b, address, Core.BuildShl(_b, ReadReg((byte)(op.Index * 4), 32), Const(op.Scale)));
        return op.EaMask == 0xFFFF_FFFF ? address : Core.BuildAnd(_b, address, Const(op.EaMask));
    }

    /// <summary>The linear address of the op's memory operand: its segment's base plus the effective address.</summary>
    internal ValueRef LinearAddress(in DecodedOp op) => Core.BuildAdd(_b, SegmentBase(op.Segment), EffectiveAddress(op));

    internal ValueRef SegmentBase(int segment) => Core.BuildLoad(_b, _t.I32, Field(nameof(CpuState.SegmentBase), segment * 4), "seg_base");

    /// <summary>Loads <paramref name="bytes"/> from guest memory, zero-extended to an i32; a fault leaves by the op's fault exit.</summary>
    internal ValueRef Load(ValueRef linear, int bytes)
    {
        var (host, slow, join) = Probe(linear, bytes, write: false, "load");
        var direct = Core.BuildLoad(_b, IntType(bytes), host, "guest");
        Core.SetAlignment(direct, 1);
        var fastValue = Widen(direct, bytes);
        var fastEnd = Core.GetInsertBlock(_b);
        Core.BuildBr(_b, join);

        StartBlock(slow);
        SpillClock();
        var status = Core.BuildCall(_b, _t.Function(_t.I32, _t.Ptr, _t.I32, _t.I32, _t.Ptr), Address(HelperCalls.ReadMemAddress),
            [_state, linear, Const((uint)bytes), _slowValue], "status");
        var slowOk = NewBlock("load_slow_ok");
        Expect(Core.BuildICmp(_b, IntPredicate.Eq, status, Const(0)), slowOk, FaultExit());
        StartBlock(slowOk);
        var slowValue = Core.BuildLoad(_b, _t.I32, _slowValue);
        Core.BuildBr(_b, join);

        StartBlock(join);
        var value = Core.BuildPhi(_b, _t.I32, "value");
        Core.AddIncoming(value, fastValue, fastEnd);
        Core.AddIncoming(value, slowValue, slowOk);
        return value;
    }

    /// <summary>Stores the low <paramref name="bytes"/> of <paramref name="value"/> to guest memory; a fault leaves by the op's fault exit.</summary>
    internal void Store(ValueRef linear, int bytes, ValueRef value)
    {
        var (host, slow, join) = Probe(linear, bytes, write: true, "store");
        var narrow = bytes == 4 ? value : Core.BuildTrunc(_b, value, IntType(bytes));
        Core.SetAlignment(Core.BuildStore(_b, narrow, host), 1);
        Core.BuildBr(_b, join);

        StartBlock(slow);
        SpillClock();
        var status = Core.BuildCall(_b, _t.Function(_t.I32, _t.Ptr, _t.I32, _t.I32, _t.I32), Address(HelperCalls.WriteMemAddress),
            [_state, linear, Const((uint)bytes), value], "status");
        Expect(Core.BuildICmp(_b, IntPredicate.Eq, status, Const(0)), join, FaultExit());

        StartBlock(join);
    }

    /// <summary>
    /// The TLB test for an access: leaves the builder on the hit path with the host address, and makes
    /// the miss block (for the caller's helper call) and the block where both paths meet.
    /// </summary>
    private (ValueRef Host, BasicBlockRef Miss, BasicBlockRef Join) Probe(ValueRef linear, int bytes, bool write, string access)
    {
        var (isHit, host) = TlbProbe(linear, bytes, write);
        var hit = NewBlock($"{access}_hit");
        var miss = NewBlock($"{access}_miss");
        var join = NewBlock($"{access}_done");
        Expect(isHit, hit, miss);
        StartBlock(hit);
        return (host(), miss, join);
    }

    /// <summary>Whether an access of <paramref name="bytes"/> hits the TLB (reading or writing), and the host address, to form once it does.</summary>
    internal (ValueRef Hit, Func<ValueRef> Host) TlbProbe(ValueRef linear, int bytes, bool write)
    {
        var entry = TlbEntry(linear);
        var hit = Hit(entry, linear, bytes, write ? nameof(Memory.TlbEntry.WritePage) : nameof(Memory.TlbEntry.ReadPage));
        return (hit, () => HostAddress(entry, linear));
    }

    private ValueRef TlbEntry(ValueRef linear)
    {
        var table = Core.BuildLoad(_b, _t.Ptr, Field(nameof(CpuState.Tlb)), "tlb");
        var index = Core.BuildAnd(_b, Core.BuildLShr(_b, linear, Const(12)), Load32(nameof(CpuState.TlbMask)));
        var offset = Core.BuildMul(_b, Core.BuildZExt(_b, index, _t.I64), Core.ConstInt(_t.I64, sizeof(TlbEntry)));
        return Core.BuildInBoundsGep(_b, _t.I8, table, [offset], "tlb_entry");
    }

    private ValueRef Hit(ValueRef entry, ValueRef linear, int bytes, string tagField)
    {
        var tag = Core.BuildLoad(_b, _t.I32, EntryField(entry, tagField), "tag");
        var hit = Core.BuildICmp(_b, IntPredicate.Eq, tag, Core.BuildLShr(_b, linear, Const(12)));
        if (bytes == 1) return hit;
        var inPage = Core.BuildICmp(_b, IntPredicate.Ule, Core.BuildAnd(_b, linear, Const(0xFFF)), Const(0x1000u - (uint)bytes));
        return Core.BuildAnd(_b, hit, inPage);
    }

    private ValueRef HostAddress(ValueRef entry, ValueRef linear)
    {
        var addend = Core.BuildLoad(_b, _t.I64, EntryField(entry, nameof(Memory.TlbEntry.Addend)), "addend");
        return Core.BuildIntToPtr(_b, Core.BuildAdd(_b, addend, Core.BuildZExt(_b, linear, _t.I64)), _t.Ptr);
    }

    private ValueRef EntryField(ValueRef entry, string field) =>
        Core.BuildInBoundsGep(_b, _t.I8, entry, [Core.ConstInt(_t.I64, (int)Marshal.OffsetOf<TlbEntry>(field))]);

    private TypeRef IntType(int bytes) => bytes switch { 1 => _t.I8, 2 => _t.I16, _ => _t.I32 };

    private ValueRef Widen(ValueRef value, int bytes) => bytes == 4 ? value : Core.BuildZExt(_b, value, _t.I32);
}
