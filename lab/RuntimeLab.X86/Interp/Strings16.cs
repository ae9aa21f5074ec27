using System.Runtime.CompilerServices;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// MOVS STOS LODS CMPS SCAS with a 16-bit address size (16-bit code, or 0x67 in 32-bit code): the
/// source is seg:SI, the destination ES:DI, the count CX, and each wraps at 64 KiB while the upper
/// halves of ESI, EDI and ECX stay. Elements retire one by one, as in <see cref="Strings"/>, so a fault
/// leaves SI, DI and CX describing the work done. CX is at most 65535, within one repeat budget, and
/// this is real-mode code: no host-copy fast path.
/// </summary>
public static unsafe class Strings16
{
    private const byte Si = Gpr.Esi * 4, Di = Gpr.Edi * 4, Cx = Gpr.Ecx * 4;

    public static void Movs<TW, TRep>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TRep : struct, IRepeat
    {
        int step = Step<TW>(s);
        if (!TRep.Repeats) { MoveOne<TW>(s, op, step); return; }
        for (; Count(s) != 0; Retire(s)) MoveOne<TW>(s, op, step);
    }

    public static void Stos<TW, TRep>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TRep : struct, IRepeat
    {
        int step = Step<TW>(s);
        if (!TRep.Repeats) { StoreOne<TW>(s, step); return; }
        for (; Count(s) != 0; Retire(s)) StoreOne<TW>(s, step);
    }

    public static void Lods<TW, TRep>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TRep : struct, IRepeat
    {
        int step = Step<TW>(s);
        if (!TRep.Repeats) { LoadOne<TW>(s, op, step); return; }
        for (; Count(s) != 0; Retire(s)) LoadOne<TW>(s, op, step);
    }

    public static void Cmps<TW, TRep>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TRep : struct, IRepeat
    {
        int step = Step<TW>(s);
        if (!TRep.Repeats) { CompareOne<TW>(s, op, step); return; }
        while (Count(s) != 0)
        {
            bool equal = CompareOne<TW>(s, op, step);
            Retire(s);
            if (equal == TRep.StopsOnEqual) break;
        }
    }

    public static void Scas<TW, TRep>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TRep : struct, IRepeat
    {
        int step = Step<TW>(s);
        if (!TRep.Repeats) { ScanOne<TW>(s, step); return; }
        while (Count(s) != 0)
        {
            bool equal = ScanOne<TW>(s, step);
            Retire(s);
            if (equal == TRep.StopsOnEqual) break;
        }
    }

    private static int Step<TW>(CpuState* s) where TW : struct, IWidth =>
        (s->FlagsRest & EflagsBits.DF) != 0 ? -(TW.Bits / 8) : TW.Bits / 8;

    private static uint Count(CpuState* s) => W16.ReadReg(s, Cx);
    private static void Retire(CpuState* s) => W16.WriteReg(s, Cx, W16.ReadReg(s, Cx) - 1);
    private static void Advance(CpuState* s, byte register, int step) => W16.WriteReg(s, register, W16.ReadReg(s, register) + (uint)step);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Source(CpuState* s, DecodedOp* op) => s->SegmentBase[op->Segment] + W16.ReadReg(s, Si);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Destination(CpuState* s) => s->SegmentBase[Seg.Es] + W16.ReadReg(s, Di);

    private static void MoveOne<TW>(CpuState* s, DecodedOp* op, int step) where TW : struct, IWidth
    {
        TW.WriteMem(s, Destination(s), TW.ReadMem(s, Source(s, op)));
        Advance(s, Si, step);
        Advance(s, Di, step);
    }

    private static void StoreOne<TW>(CpuState* s, int step) where TW : struct, IWidth
    {
        TW.WriteMem(s, Destination(s), TW.ReadReg(s, 0));
        Advance(s, Di, step);
    }

    private static void LoadOne<TW>(CpuState* s, DecodedOp* op, int step) where TW : struct, IWidth
    {
        TW.WriteReg(s, 0, TW.ReadMem(s, Source(s, op)));
        Advance(s, Si, step);
    }

    private static bool CompareOne<TW>(CpuState* s, DecodedOp* op, int step) where TW : struct, IWidth
    {
        uint a = TW.ReadMem(s, Source(s, op));
        uint b = TW.ReadMem(s, Destination(s));
        Advance(s, Si, step);
        Advance(s, Di, step);
        return Strings.RecordCompare<TW>(s, a, b);
    }

    private static bool ScanOne<TW>(CpuState* s, int step) where TW : struct, IWidth
    {
        uint b = TW.ReadMem(s, Destination(s));
        Advance(s, Di, step);
        return Strings.RecordCompare<TW>(s, TW.ReadReg(s, 0) & TW.Mask, b);
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
