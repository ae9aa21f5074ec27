using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Devices;

namespace RuntimeLab.X86.Interp;

/// <summary>
/// INS and OUTS with a 16-bit address size (real-mode drivers' REP INSW from a disk, for one):
/// seg:SI or ES:DI and a count in CX, each wrapping at 64 KiB with the upper halves kept, as in
/// <see cref="Strings16"/>. Otherwise as <see cref="PortIo.Outs{TW, TRep}"/> and <see cref="PortIo.Ins{TW, TRep}"/>;
/// CX never exceeds one repeat budget.
/// </summary>
public static unsafe class PortStrings16
{
    private const byte Si = Gpr.Esi * 4, Di = Gpr.Edi * 4, Cx = Gpr.Ecx * 4;

    public static void Outs<TW, TRep>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TRep : struct, IRepeat
    {
        IoPermission.Require(s, (ushort)s->Regs[Gpr.Edx], TW.Bits / 8);
        var bus = Bus(s);
        var step = (s->FlagsRest & EflagsBits.DF) != 0 ? -(TW.Bits / 8) : TW.Bits / 8;
        s->Stop = StopReason.DeviceRequest;
        do
        {
            if (TRep.Repeats && W16.ReadReg(s, Cx) == 0) break;
            var value = TW.ReadMem(s, s->SegmentBase[op->Segment] + W16.ReadReg(s, Si));
            bus.Write((ushort)s->Regs[Gpr.Edx], TW.Bits / 8, value);
            W16.WriteReg(s, Si, W16.ReadReg(s, Si) + (uint)step);
            if (TRep.Repeats) W16.WriteReg(s, Cx, W16.ReadReg(s, Cx) - 1);
        } while (TRep.Repeats);
    }

    /// <summary>The destination is checked before the port is read, so a fault loses no input.</summary>
    public static void Ins<TW, TRep>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TRep : struct, IRepeat
    {
        IoPermission.Require(s, (ushort)s->Regs[Gpr.Edx], TW.Bits / 8);
        var bus = Bus(s);
        var step = (s->FlagsRest & EflagsBits.DF) != 0 ? -(TW.Bits / 8) : TW.Bits / 8;
        do
        {
            if (TRep.Repeats && W16.ReadReg(s, Cx) == 0) break;
            var address = s->SegmentBase[Seg.Es] + W16.ReadReg(s, Di);
            TW.WriteMem(s, address, TW.ReadMem(s, address));
            TW.WriteMem(s, address, bus.Read((ushort)s->Regs[Gpr.Edx], TW.Bits / 8));
            W16.WriteReg(s, Di, W16.ReadReg(s, Di) + (uint)step);
            if (TRep.Repeats) W16.WriteReg(s, Cx, W16.ReadReg(s, Cx) - 1);
        } while (TRep.Repeats);
    }

    private static IPortBus Bus(CpuState* s) =>
        Interpreter.Of(s).Ports ?? throw GuestFaultException.Of(FaultVector.GeneralProtection);
}
