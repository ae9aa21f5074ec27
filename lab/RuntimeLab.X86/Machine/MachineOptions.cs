using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Machine;

/// <summary>How to build and bound a bare-metal machine run (`runtimelab x86 boot`).</summary>
public sealed record MachineOptions
{
    public const uint DefaultMegabytes = 128;

    public uint Megabytes { get; init; } = DefaultMegabytes;
    /// <summary>COM1's output (the CLI passes stdout).</summary>
    public required Stream Serial { get; init; }
    /// <summary>COM1's input (the CLI passes stdin); null: nothing is ever received.</summary>
    public Stream? SerialInput { get; init; }
    /// <summary>Port 0xE9's output; null leaves the port unconnected, as QEMU without -debugcon.</summary>
    public Stream? DebugConsole { get; init; }
    /// <summary>Where run-ending messages and the triple-fault register dump go.</summary>
    public TextWriter Diagnostics { get; init; } = Console.Error;
    public ulong MaxInstructions { get; init; } = ulong.MaxValue;
    /// <summary>Host wall-clock bound; null for none.</summary>
    public TimeSpan? Timeout { get; init; }
    public TraceOptions? Trace { get; init; }
    /// <summary>How guest code runs: interpreted, translated, or tiered.</summary>
    public Dbt.EngineOptions Engine { get; init; } = Dbt.EngineOptions.Interpreter;
    /// <summary>What guest time follows: the instruction count (reproducible) or the host's clock.</summary>
    public Devices.ClockSource Clock { get; init; } = Devices.ClockSource.Instructions;
    /// <summary>The multiboot command line (QEMU passes the kernel's file name).</summary>
    public string CommandLine { get; init; } = "";
}

/// <summary>How a machine run ended.</summary>
public enum MachineStop
{
    /// <summary>isa-debug-exit: the status is (value &lt;&lt; 1) | 1.</summary>
    DebugExit,
    /// <summary>A reset request (i8042, port 0x92): like QEMU with -no-reboot, the machine powers off with status 0.</summary>
    Reset,
    /// <summary>A fault while delivering a double fault: QEMU resets, so with -no-reboot status 0, plus a message and a register dump.</summary>
    TripleFault,
    InstructionLimit,
    Timeout,
    /// <summary>HLT with interrupts disabled, or with nothing left that could interrupt: the machine would wait forever.</summary>
    HaltedForever,
}

public sealed record MachineResult(MachineStop Stop, int ExitStatus, ulong Instructions);
