using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Decode;
using RuntimeLab.X86.Devices;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Interp;

/// <summary>Where IN and OUT find their port number, as a type: the immediate byte, or DX.</summary>
public unsafe interface IPortOperand
{
    static abstract ushort Port(CpuState* s, DecodedOp* op);
}

public unsafe struct ImmPort : IPortOperand
{
    public static ushort Port(CpuState* s, DecodedOp* op) => (ushort)op->Imm;
}

public unsafe struct DxPort : IPortOperand
{
    public static ushort Port(CpuState* s, DecodedOp* op) => (ushort)s->Regs[Gpr.Edx];
}

/// <summary>
/// IN, OUT, INS and OUTS on the machine's port bus (system mode; #UD in Linux user mode as before),
/// when <see cref="IoPermission"/> allows the port.
/// Each OUT ends its block and asks the run loop to stop, so the machine sees a device's side effects
/// (an exit request, an interrupt newly unmasked or acknowledged) before the guest runs on. REP INS
/// and REP OUTS run in <see cref="RepeatBudget"/>s like the other string instructions.
/// </summary>
public static unsafe class PortIo
{
    public static void In<TW, TPort>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TPort : struct, IPortOperand
    {
        var port = TPort.Port(s, op);
        IoPermission.Require(s, port, TW.Bits / 8);
        TW.WriteReg(s, 0, Bus(s).Read(port, TW.Bits / 8));
    }

    public static void Out<TW, TPort>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TPort : struct, IPortOperand
    {
        var port = TPort.Port(s, op);
        IoPermission.Require(s, port, TW.Bits / 8);
        Bus(s).Write(port, TW.Bits / 8, TW.ReadReg(s, 0) & TW.Mask);
        s->Stop = StopReason.DeviceRequest;
    }

    /// <summary>OUTS: from seg:ESI (DS unless overridden) to port DX, repeated ECX times under REP.</summary>
    public static void Outs<TW, TRep>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TRep : struct, IRepeat
    {
        IoPermission.Require(s, (ushort)s->Regs[Gpr.Edx], TW.Bits / 8);
        var bus = Bus(s);
        var step = (s->FlagsRest & EflagsBits.DF) != 0 ? -(TW.Bits / 8) : TW.Bits / 8;
        s->Stop = StopReason.DeviceRequest;
        var deferred = TRep.Repeats ? RepeatBudget.Defer(s) : 0;
        try
        {
            do
            {
                if (TRep.Repeats && s->Regs[Gpr.Ecx] == 0) break;
                var value = TW.ReadMem(s, s->SegmentBase[op->Segment] + s->Regs[Gpr.Esi]);
                bus.Write((ushort)s->Regs[Gpr.Edx], TW.Bits / 8, value);
                s->Regs[Gpr.Esi] += (uint)step;
                if (TRep.Repeats) s->Regs[Gpr.Ecx]--;
            } while (TRep.Repeats);
        }
        finally { s->Regs[Gpr.Ecx] += deferred; }
        RepeatBudget.RestartIfDeferred(deferred);
    }

    /// <summary>INS: from port DX to ES:EDI. The destination is checked before the port is read, so a fault loses no input.</summary>
    public static void Ins<TW, TRep>(CpuState* s, DecodedOp* op) where TW : struct, IWidth where TRep : struct, IRepeat
    {
        IoPermission.Require(s, (ushort)s->Regs[Gpr.Edx], TW.Bits / 8);
        var bus = Bus(s);
        var step = (s->FlagsRest & EflagsBits.DF) != 0 ? -(TW.Bits / 8) : TW.Bits / 8;
        var deferred = TRep.Repeats ? RepeatBudget.Defer(s) : 0;
        try
        {
            do
            {
                if (TRep.Repeats && s->Regs[Gpr.Ecx] == 0) break;
                var address = s->SegmentBase[Seg.Es] + s->Regs[Gpr.Edi];
                TW.WriteMem(s, address, TW.ReadMem(s, address));
                TW.WriteMem(s, address, bus.Read((ushort)s->Regs[Gpr.Edx], TW.Bits / 8));
                s->Regs[Gpr.Edi] += (uint)step;
                if (TRep.Repeats) s->Regs[Gpr.Ecx]--;
            } while (TRep.Repeats);
        }
        finally { s->Regs[Gpr.Ecx] += deferred; }
        RepeatBudget.RestartIfDeferred(deferred);
    }

    private static IPortBus Bus(CpuState* s) =>
        Interpreter.Of(s).Ports ?? throw GuestFaultException.Of(FaultVector.GeneralProtection);
}
