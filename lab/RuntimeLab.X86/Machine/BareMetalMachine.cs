using System.Diagnostics;
using RuntimeLab.X86.Cpu;
using RuntimeLab.X86.Devices;
using RuntimeLab.X86.Interp;
using RuntimeLab.X86.Memory;

namespace RuntimeLab.X86.Machine;

/// <summary>
/// The bare-metal PC: RAM behind a soft MMU, the interpreter in system mode, and the ISA devices a
/// multiboot kernel meets under qemu-system-i386 (two 8259A PICs, the 8254 PIT, a 16550A on COM1, the
/// CMOS RTC, the i8042's reset line, port 0xE9 and isa-debug-exit). The run loop alternates between
/// the CPU and the devices: it runs the interpreter for a slice that ends before the next timer event
/// (so hardware interrupts are taken at block boundaries), delivers faults and interrupts through the
/// guest's IDT, and on HLT jumps the virtual clock to the next event instead of spinning the host.
/// </summary>
public sealed unsafe class BareMetalMachine : IDisposable
{
    public const int LimitStatus = 124;
    /// <summary>The most instructions between two looks at the devices and the wall clock.</summary>
    private const ulong MaxSlice = 1 << 20;

    private readonly MachineOptions _options;
    private readonly PhysicalMemory _ram;
    private readonly SystemAddressSpace _memory;
    private readonly Interpreter _cpu;
    private readonly MachineControl _control = new();
    private readonly InterruptControllers _pic = new();
    private readonly Pit8254 _pit;
    /// <summary>The devices that raise interrupts on a schedule of virtual time: the PIT and the RTC.</summary>
    private readonly IInterruptTimer[] _timers;
    private readonly VirtualClock _clock;
    private readonly Uart16550 _uart;

    public CpuState* State => _cpu.State;
    public Interpreter Cpu => _cpu;
    public PhysicalMemory Ram => _ram;

    public BareMetalMachine(MachineOptions options)
    {
        _options = options;
        _ram = new PhysicalMemory(options.Megabytes);
        _memory = new SystemAddressSpace(_ram);
        _cpu = new Interpreter(_memory, _memory.Tlb, _memory.TlbMask, options.Engine) { Trace = options.Trace };
        _memory.Attach(_cpu.State);
        _clock = new VirtualClock(() => _cpu.State->InstructionCount, options.Clock);
        _pit = new Pit8254(_clock);

        var bus = new PortBus();
        bus.Register(InterruptControllers.MasterCommand, 2, _pic);
        bus.Register(InterruptControllers.SlaveCommand, 2, _pic);
        bus.Register(Pit8254.Channel0, 4, _pit);
        bus.Register(Pit8254.SpeakerControl, 1, _pit);
        _uart = new Uart16550(options.Serial, _pic, options.SerialInput);
        bus.Register(Uart16550.Com1, 8, _uart);
        var cmos = new Cmos(_clock, _ram.Size);
        bus.Register(Cmos.IndexPort, 2, cmos);
        _timers = [_pit, cmos];
        var system = new SystemControl(_control);
        bus.Register(SystemControl.KeyboardData, 1, system);
        bus.Register(SystemControl.KeyboardStatus, 1, system);
        bus.Register(SystemControl.FastA20, 1, system);
        bus.Register(SystemControl.PostCode, 1, system);
        bus.Register(DebugExit.Port, 4, new DebugExit(_control));
        if (options.DebugConsole is { } console) bus.Register(DebugConsole.Port, 1, new DebugConsole(console));
        _cpu.Ports = bus;
    }

    /// <summary>Loads a multiboot kernel and sets the CPU up as the multiboot specification (and QEMU) leave it.</summary>
    public void LoadKernel(ReadOnlySpan<byte> image)
    {
        var kernel = MultibootLoader.Load(image, _ram, _options.CommandLine);
        var s = State;
        s->Mode = ExecutionMode.System;
        s->Cr0 = Cr0Bits.PE | Cr0Bits.ET;
        s->Gdt = new DescriptorTableRegister { Base = MultibootLoader.BootGdt, Limit = 23 };
        s->Idt = new DescriptorTableRegister { Base = 0, Limit = 0x3FF }; // the real-mode vector table the BIOS left
        s->LdtLimit = 0xFFFF; // LDTR as reset leaves it (base 0), which QEMU's loader keeps
        Breakpoints.Reset(s);
        ProtectedSegments.Commit(s, Seg.Cs, 0x08, ProtectedSegments.Read(s, 0x08));
        foreach (var segment in new[] { Seg.Ds, Seg.Es, Seg.Ss, Seg.Fs, Seg.Gs })
            ProtectedSegments.Commit(s, segment, 0x10, ProtectedSegments.Read(s, 0x10));
        for (var r = 0; r < 8; r++) s->Regs[r] = 0;
        s->Regs[Gpr.Eax] = MultibootLoader.BootMagic;
        s->Regs[Gpr.Ebx] = kernel.InfoAddress;
        s->Regs[Gpr.Esp] = 0x7C00;
        // Interrupts off; PF and AF happen to be set by the last instructions of QEMU's loader.
        s->SetEflags(EflagsBits.Reserved1 | EflagsBits.PF | EflagsBits.AF);
        s->Eip = kernel.Entry;
        _memory.TranslationChanged();
    }

    public MachineResult Run()
    {
        var s = State;
        var wall = Stopwatch.StartNew();
        var halted = false;
        while (true)
        {
            if (_control.StopRequest is { } request)
                return Finish(request.Kind == DeviceStop.DebugExit ? MachineStop.DebugExit : MachineStop.Reset, request.Status);
            if (s->InstructionCount >= _options.MaxInstructions)
                return Finish(MachineStop.InstructionLimit, LimitStatus, $"instruction limit of {_options.MaxInstructions} reached (eip 0x{s->Eip:x8})");
            if (_options.Timeout is { } timeout && wall.Elapsed > timeout)
                return Finish(MachineStop.Timeout, LimitStatus, $"timeout of {timeout.TotalSeconds:0.###} s reached (eip 0x{s->Eip:x8})");

            foreach (var timer in _timers) timer.Update(_pic);
            _uart.Poll();
            s->PendingInterrupts = _pic.HasPending ? 1u : 0u;
            if ((s->FlagsRest & EflagsBits.IF) != 0 && _pic.Acknowledge() is { } vector)
            {
                halted = false;
                if (!Deliver(new GuestFault((FaultVector)vector, 0, 0, InterruptSource.Hardware))) return TripleFault();
                continue;
            }
            if (halted)
            {
                var wake = NextWake();
                if ((s->FlagsRest & EflagsBits.IF) != 0 && wake is null && _uart.MayReceive)
                {
                    // Only COM1 input can wake the CPU: wait for it in host time (bounded, so --timeout still holds).
                    _uart.WaitForInput(TimeSpan.FromMilliseconds(50));
                    continue;
                }
                if ((s->FlagsRest & EflagsBits.IF) == 0 || wake is not { } at)
                    return Finish(MachineStop.HaltedForever, LimitStatus, $"the CPU halted with nothing to wake it (IF={((s->FlagsRest & EflagsBits.IF) != 0 ? 1 : 0)}, eip 0x{s->Eip:x8})");
                _clock.SkipTo(at);
                continue;
            }

            var slice = Math.Min(MaxSlice, _options.MaxInstructions - s->InstructionCount);
            foreach (var timer in _timers)
                if (timer.NextInterrupt is { } next) slice = Math.Clamp(_clock.InstructionsUntil(next), 1, slice);
            switch (_cpu.Run(slice))
            {
                case StopReason.Fault:
                    if (!Deliver(s->Fault)) return TripleFault();
                    break;
                case StopReason.Halt:
                    halted = true;
                    break;
            }
        }
    }

    /// <summary>The earliest interrupt a timer will raise on a line the PICs let through: what a halted CPU waits for.</summary>
    private ulong? NextWake()
    {
        ulong? earliest = null;
        foreach (var timer in _timers)
            if (_pic.IsUnmasked(timer.Irq) && timer.NextInterrupt is { } at && (earliest is null || at < earliest))
                earliest = at;
        return earliest;
    }

    /// <summary>
    /// Delivers an event through the IDT; a fault during delivery becomes the next event, escalated by
    /// the double-fault rules of Intel SDM vol. 3, table 6-5. Returns false on a triple fault.
    /// </summary>
    private bool Deliver(GuestFault fault)
    {
        var s = State;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            // A delivery takes time like an instruction: a guest whose handler faults at once (a livelock
            // that retires nothing) still reaches the instruction limit, and virtual time moves on.
            s->InstructionCount++;
            try
            {
                InterruptDelivery.Deliver(s, fault);
                return true;
            }
            catch (GuestFaultException nested)
            {
                if (fault.Vector == FaultVector.DoubleFault && fault.Source == InterruptSource.Exception)
                {
                    _tripleFaultCause = $"{nested.Fault} while delivering a double fault";
                    return false;
                }
                // INT n pushed nothing and is a trap only when it succeeds: a fault delivering it is a fault of the INT instruction.
                if (fault.Source == InterruptSource.Software && !nested.AfterTaskSwitch) s->Eip = s->FaultingEip;
                fault = IsDoubleFault(fault, nested.Fault) ? new GuestFault(FaultVector.DoubleFault, 0, 0) : nested.Fault;
            }
        }
        _tripleFaultCause = "faults kept nesting during delivery";
        return false;
    }

    private string _tripleFaultCause = "";

    private static bool IsContributory(GuestFault f) => f.Source == InterruptSource.Exception &&
        f.Vector is FaultVector.DivideError or FaultVector.InvalidTss or FaultVector.SegmentNotPresent or FaultVector.StackFault or FaultVector.GeneralProtection;

    private static bool IsDoubleFault(GuestFault first, GuestFault second)
    {
        var secondIsPageFault = second.Vector == FaultVector.PageFault;
        if (IsContributory(first)) return IsContributory(second);
        if (first.Source == InterruptSource.Exception && first.Vector == FaultVector.PageFault) return IsContributory(second) || secondIsPageFault;
        return false;
    }

    private MachineResult TripleFault()
    {
        _options.Diagnostics.WriteLine($"runtimelab: x86: triple fault ({_tripleFaultCause}); the machine resets, and like QEMU with -no-reboot it stops");
        _options.Diagnostics.WriteLine(RegisterDump());
        return Finish(MachineStop.TripleFault, 0);
    }

    public string RegisterDump()
    {
        var s = State;
        var text = new System.Text.StringBuilder();
        for (var r = 0; r < 8; r++) text.Append($"{Gpr.Names[r]}={s->Regs[r]:x8}").Append(r % 4 == 3 ? "\n" : " ");
        text.Append($"eip={s->Eip:x8} eflags={s->Eflags:x8} cpl={s->Cpl}\n");
        string[] names = ["es", "cs", "ss", "ds", "fs", "gs"];
        for (var seg = 0; seg < 6; seg++) text.Append($"{names[seg]}={s->Selectors[seg]:x4} base={s->SegmentBase[seg]:x8} ");
        text.Append($"\ncr0={s->Cr0:x8} cr2={s->Cr2:x8} cr3={s->Cr3:x8} cr4={s->Cr4:x8}\n");
        text.Append($"gdt={s->Gdt.Base:x8}/{s->Gdt.Limit:x4} idt={s->Idt.Base:x8}/{s->Idt.Limit:x4} tr={s->TaskRegister:x4}");
        return text.ToString();
    }

    private MachineResult Finish(MachineStop stop, int status, string? message = null)
    {
        if (message is not null) _options.Diagnostics.WriteLine($"runtimelab: x86: {message}");
        _options.Serial.Flush();
        _options.DebugConsole?.Flush();
        return new MachineResult(stop, status, State->InstructionCount);
    }

    public void Dispose()
    {
        _cpu.Dispose();
        _memory.Dispose();
        _ram.Dispose();
    }
}
