using System.Diagnostics;

namespace RuntimeLab.X86.Devices;

/// <summary>What guest time follows (`x86 boot --clock`).</summary>
public enum ClockSource
{
    /// <summary>The instruction count: one instruction per nanosecond (a 1 GHz guest). The default: reproducible.</summary>
    Instructions,
    /// <summary>The host's monotonic clock, as QEMU without -icount: timers keep wall time, runs differ.</summary>
    Host,
}

/// <summary>
/// Guest time. By default it follows the instruction count, one instruction per nanosecond, so a run
/// is reproducible: the same kernel sees the same timer interrupts at the same instructions in every
/// run. While the CPU halts, time jumps ahead to the next device event instead of passing on the
/// host, so HLT never spins. On request it follows the host's clock instead: then a halted CPU sleeps
/// on the host until the event, and slices are cut short enough that interrupts stay on time.
/// </summary>
public sealed class VirtualClock(Func<ulong> instructionsRetired, ClockSource source = ClockSource.Instructions)
{
    /// <summary>With the host's clock, the longest one wait for an event may sleep, so the machine still sees its limits and input.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromMilliseconds(20);
    /// <summary>
    /// With the host's clock, a slice of host time gets one instruction per this many nanoseconds:
    /// the interpreter takes about 5 ns an instruction, so the slice ends a little before the event
    /// rather than after it.
    /// </summary>
    private const ulong SliceNanosecondsPerInstruction = 8;

    private readonly Stopwatch _host = Stopwatch.StartNew();
    private ulong _idle;

    public ulong Nanoseconds => source == ClockSource.Host
        ? (ulong)(_host.ElapsedTicks * (1_000_000_000.0 / Stopwatch.Frequency))
        : instructionsRetired() + _idle;

    /// <summary>
    /// The CPU is halted until <paramref name="nanoseconds"/> (never backwards): instruction time jumps
    /// there; host time is waited for, at most <see cref="MaxSleep"/> at a time (the caller looks again).
    /// </summary>
    public void SkipTo(ulong nanoseconds)
    {
        var now = Nanoseconds;
        if (nanoseconds <= now) return;
        if (source == ClockSource.Instructions) _idle += nanoseconds - now;
        else Thread.Sleep(TimeSpan.FromTicks((long)Math.Min((nanoseconds - now) / 100, (ulong)MaxSleep.Ticks)));
    }

    /// <summary>How many instructions the CPU may run before <paramref name="nanoseconds"/> arrives.</summary>
    public ulong InstructionsUntil(ulong nanoseconds)
    {
        var now = Nanoseconds;
        if (nanoseconds <= now) return 0;
        return source == ClockSource.Instructions ? nanoseconds - now : (nanoseconds - now) / SliceNanosecondsPerInstruction;
    }
}
