namespace RuntimeLab.X86.Devices;

/// <summary>
/// Guest time. It follows the instruction count, one instruction per nanosecond (a 1 GHz guest), so a
/// run is reproducible: the same kernel sees the same timer interrupts at the same instructions in
/// every run. While the CPU halts, time jumps ahead to the next device event instead of passing on
/// the host, so HLT never spins.
/// </summary>
public sealed class VirtualClock(Func<ulong> instructionsRetired)
{
    private ulong _idle;

    public ulong Nanoseconds => instructionsRetired() + _idle;

    /// <summary>Jumps forward to <paramref name="nanoseconds"/> while the CPU is halted (never backwards).</summary>
    public void SkipTo(ulong nanoseconds)
    {
        var now = Nanoseconds;
        if (nanoseconds > now) _idle += nanoseconds - now;
    }

    /// <summary>How many instructions the CPU may run before <paramref name="nanoseconds"/> arrives.</summary>
    public ulong InstructionsUntil(ulong nanoseconds)
    {
        var now = Nanoseconds;
        return nanoseconds > now ? nanoseconds - now : 0;
    }
}
