using System.Runtime.CompilerServices;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>A repeat prefix as a type: none, REP/REPE, or REPNE.</summary>
public interface IRepeat
{
    static abstract bool Repeats { get; }
    /// <summary>For CMPS and SCAS: the ZF value that ends the loop (REPE stops on 0, REPNE on 1).</summary>
    static abstract bool StopsOnEqual { get; }
}

public struct Once : IRepeat { public static bool Repeats => false; public static bool StopsOnEqual => false; }
public struct RepE : IRepeat { public static bool Repeats => true; public static bool StopsOnEqual => false; }
public struct RepNe : IRepeat { public static bool Repeats => true; public static bool StopsOnEqual => true; }

/// <summary>
/// MOVS STOS LODS CMPS SCAS with 32-bit addressing. The source is seg:ESI (DS unless overridden, in
/// <see cref="DecodedOp.Segment"/>), the destination always ES:EDI. A repeated instruction runs its whole
/// loop in one call but retires ECX, ESI and EDI element by element, so a fault leaves them describing
/// the elements done and EIP at the instruction: restarting it finishes the job, as on hardware.
/// </summary>
public static unsafe class Strings
{
    public static void Movs<TW, TRep>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TRep : struct, IRepeat
    {
        int step = Step<TW>(s);
        if (!TRep.Repeats) { MoveOne<TW>(s, op, step); return; }
        ref uint ecx = ref s->Regs[Gpr.Ecx];
        var deferred = RepeatBudget.Defer(s);
        try
        {
            while (ecx != 0)
            {
                if (step > 0 && MoveChunk<TW>(s, op)) continue;
                MoveOne<TW>(s, op, step);
                ecx--;
            }
        }
        finally { ecx += deferred; }
        RepeatBudget.RestartIfDeferred(deferred);
    }

    public static void Stos<TW, TRep>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TRep : struct, IRepeat
    {
        int step = Step<TW>(s);
        if (!TRep.Repeats) { StoreOne<TW>(s, step); return; }
        ref uint ecx = ref s->Regs[Gpr.Ecx];
        var deferred = RepeatBudget.Defer(s);
        try
        {
            while (ecx != 0)
            {
                if (step > 0 && StoreChunk<TW>(s)) continue;
                StoreOne<TW>(s, step);
                ecx--;
            }
        }
        finally { ecx += deferred; }
        RepeatBudget.RestartIfDeferred(deferred);
    }

    /// <summary>LODS; REP LODS is legal, if pointless: only the last element stays in the accumulator.</summary>
    public static void Lods<TW, TRep>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TRep : struct, IRepeat
    {
        int step = Step<TW>(s);
        if (!TRep.Repeats) { LoadOne<TW>(s, op, step); return; }
        ref uint ecx = ref s->Regs[Gpr.Ecx];
        var deferred = RepeatBudget.Defer(s);
        try
        {
            for (; ecx != 0; ecx--) LoadOne<TW>(s, op, step);
        }
        finally { ecx += deferred; }
        RepeatBudget.RestartIfDeferred(deferred);
    }

    /// <summary>CMPS: flags of [seg:ESI] − [ES:EDI].</summary>
    public static void Cmps<TW, TRep>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TRep : struct, IRepeat
    {
        int step = Step<TW>(s);
        if (!TRep.Repeats) { CompareOne<TW>(s, op, step); return; }
        ref uint ecx = ref s->Regs[Gpr.Ecx];
        var deferred = RepeatBudget.Defer(s);
        var stopped = false;
        try
        {
            while (ecx != 0)
            {
                bool equal = CompareOne<TW>(s, op, step);
                ecx--;
                if (equal == TRep.StopsOnEqual) { stopped = true; break; }
            }
        }
        finally { ecx += deferred; }
        if (!stopped) RepeatBudget.RestartIfDeferred(deferred);
    }

    /// <summary>SCAS: flags of the accumulator − [ES:EDI].</summary>
    public static void Scas<TW, TRep>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TRep : struct, IRepeat
    {
        int step = Step<TW>(s);
        if (!TRep.Repeats) { ScanOne<TW>(s, step); return; }
        ref uint ecx = ref s->Regs[Gpr.Ecx];
        var deferred = RepeatBudget.Defer(s);
        var stopped = false;
        try
        {
            while (ecx != 0)
            {
                bool equal = ScanOne<TW>(s, step);
                ecx--;
                if (equal == TRep.StopsOnEqual) { stopped = true; break; }
            }
        }
        finally { ecx += deferred; }
        if (!stopped) RepeatBudget.RestartIfDeferred(deferred);
    }

    /// <summary>The pointer increment: ± the element size, by DF.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step<TW>(CpuState* s) where TW : struct, IWidth =>
        (s->FlagsRest & EflagsBits.DF) != 0 ? -(TW.Bits / 8) : TW.Bits / 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Source(CpuState* s, DecodedOp* op) => s->SegmentBase[op->Segment] + s->Regs[Gpr.Esi];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Destination(CpuState* s) => s->SegmentBase[Seg.Es] + s->Regs[Gpr.Edi];

    // Each *One does its memory accesses first and moves the pointers only after them.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MoveOne<TW>(CpuState* s, DecodedOp* op, int step) where TW : struct, IWidth
    {
        TW.WriteMem(s, Destination(s), TW.ReadMem(s, Source(s, op)));
        s->Regs[Gpr.Esi] += (uint)step;
        s->Regs[Gpr.Edi] += (uint)step;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreOne<TW>(CpuState* s, int step) where TW : struct, IWidth
    {
        TW.WriteMem(s, Destination(s), TW.ReadReg(s, 0));
        s->Regs[Gpr.Edi] += (uint)step;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LoadOne<TW>(CpuState* s, DecodedOp* op, int step) where TW : struct, IWidth
    {
        TW.WriteReg(s, 0, TW.ReadMem(s, Source(s, op)));
        s->Regs[Gpr.Esi] += (uint)step;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CompareOne<TW>(CpuState* s, DecodedOp* op, int step) where TW : struct, IWidth
    {
        uint a = TW.ReadMem(s, Source(s, op));
        uint b = TW.ReadMem(s, Destination(s));
        s->Regs[Gpr.Esi] += (uint)step;
        s->Regs[Gpr.Edi] += (uint)step;
        return RecordCompare<TW>(s, a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ScanOne<TW>(CpuState* s, int step) where TW : struct, IWidth
    {
        uint b = TW.ReadMem(s, Destination(s));
        s->Regs[Gpr.Edi] += (uint)step;
        return RecordCompare<TW>(s, TW.ReadReg(s, 0) & TW.Mask, b);
    }

    /// <summary>Flags as CMP a, b; returns whether the operands were equal (ZF).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool RecordCompare<TW>(CpuState* s, uint a, uint b) where TW : struct, IWidth
    {
        uint difference = (a - b) & TW.Mask;
        s->CcOp = LazyFlags.Of(CcOp.Sub8, TW.Index);
        s->CcDst = difference;
        s->CcSrc = b;
        return difference == 0;
    }

    /// <summary>
    /// The fast path of a forward REP MOVS: as many whole elements as stay inside both the source and the
    /// destination page, copied host to host, when both pages are in the TLB for the access. False when
    /// not (an element crossing a page, a miss, a watched code page): the caller then does one element the
    /// slow way, which faults at exactly that element if it must.
    /// </summary>
    private static bool MoveChunk<TW>(CpuState* s, DecodedOp* op) where TW : struct, IWidth
    {
        uint source = Source(s, op), destination = Destination(s);
        var from = s->Tlb + ((source >> 12) & s->TlbMask);
        var to = s->Tlb + ((destination >> 12) & s->TlbMask);
        if (from->ReadPage != source >> 12 || to->WritePage != destination >> 12) return false;
        uint size = (uint)TW.Bits / 8;
        uint count = Math.Min(s->Regs[Gpr.Ecx], Math.Min((0x1000 - (source & 0xFFF)) / size, (0x1000 - (destination & 0xFFF)) / size));
        if (count == 0) return false;
        byte* src = (byte*)(from->Addend + source), dst = (byte*)(to->Addend + destination);
        nuint bytes = count * size;
        if (dst > src && (nuint)(dst - src) < bytes)
        {
            // The destination overlaps the source ahead of it: forward element order re-reads bytes it
            // has just written (the classic pattern fill), which a memmove would not reproduce.
            for (nuint k = 0; k < bytes; k += size) CopyElement<TW>(src + k, dst + k);
        }
        else Buffer.MemoryCopy(src, dst, bytes, bytes);
        s->Regs[Gpr.Esi] += (uint)bytes;
        s->Regs[Gpr.Edi] += (uint)bytes;
        s->Regs[Gpr.Ecx] -= count;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyElement<TW>(byte* src, byte* dst) where TW : struct, IWidth
    {
        if (TW.Bits == 8) *dst = *src;
        else if (TW.Bits == 16) Unsafe.WriteUnaligned(dst, Unsafe.ReadUnaligned<ushort>(src));
        else Unsafe.WriteUnaligned(dst, Unsafe.ReadUnaligned<uint>(src));
    }

    /// <summary>The fast path of a forward REP STOS, on the same terms as <see cref="MoveChunk{TW}"/>.</summary>
    private static bool StoreChunk<TW>(CpuState* s) where TW : struct, IWidth
    {
        uint destination = Destination(s);
        var to = s->Tlb + ((destination >> 12) & s->TlbMask);
        if (to->WritePage != destination >> 12) return false;
        uint size = (uint)TW.Bits / 8;
        uint count = Math.Min(s->Regs[Gpr.Ecx], (0x1000 - (destination & 0xFFF)) / size);
        if (count == 0) return false;
        void* dst = (void*)(to->Addend + destination);
        uint value = TW.ReadReg(s, 0);
        // Unaligned spans are fine on the hosts we run on (x64, arm64); Fill is vectorized.
        if (TW.Bits == 8) new Span<byte>(dst, (int)count).Fill((byte)value);
        else if (TW.Bits == 16) new Span<ushort>(dst, (int)count).Fill((ushort)value);
        else new Span<uint>(dst, (int)count).Fill(value);
        s->Regs[Gpr.Edi] += count * size;
        s->Regs[Gpr.Ecx] -= count;
        return true;
    }

    /// <summary>The handler for a string operation at a width and repeat prefix (<see cref="RepeatPrefix"/>).</summary>
    public static Handler Pick(StringOp operation, int bits, byte repeat) => repeat switch
    {
        RepeatPrefix.None => PickWidth<Once>(operation, bits),
        RepeatPrefix.Rep => PickWidth<RepE>(operation, bits),
        _ => PickWidth<RepNe>(operation, bits),
    };

    private static Handler PickWidth<TRep>(StringOp operation, int bits) where TRep : struct, IRepeat => bits switch
    {
        8 => PickOperation<W8, TRep>(operation),
        16 => PickOperation<W16, TRep>(operation),
        _ => PickOperation<W32, TRep>(operation),
    };

    private static Handler PickOperation<TW, TRep>(StringOp operation) where TW : struct, IWidth where TRep : struct, IRepeat => operation switch
    {
        StringOp.Movs => (Handler)(&Movs<TW, TRep>),
        StringOp.Stos => (Handler)(&Stos<TW, TRep>),
        StringOp.Lods => (Handler)(&Lods<TW, TRep>),
        StringOp.Cmps => (Handler)(&Cmps<TW, TRep>),
        _ => (Handler)(&Scas<TW, TRep>),
    };
}

/// <summary>The five string operations, without their width (Iced's mnemonics carry it).</summary>
public enum StringOp : byte { Movs, Stos, Lods, Cmps, Scas }
