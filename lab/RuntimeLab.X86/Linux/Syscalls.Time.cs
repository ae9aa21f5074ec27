using System.Diagnostics;
using N = RuntimeLab.X86.Linux.SyscallNumbers;

namespace RuntimeLab.X86.Linux;

// Clocks and sleeping. Time is the host's: programs that measure or print the time should see it pass.
public sealed partial class Syscalls
{
    private const int ClockRealtime = 0, ClockMonotonic = 1, ClockProcessCpu = 2, ClockThreadCpu = 3, ClockMonotonicRaw = 4,
        ClockRealtimeCoarse = 5, ClockMonotonicCoarse = 6, ClockBoottime = 7;
    private const int TimerAbsolute = 1;
    private static readonly long MonotonicOrigin = Stopwatch.GetTimestamp() - Stopwatch.Frequency * 1000;  // "up" for 1000 s

    private void RegisterTime()
    {
        Register(N.ClockGettime, "clock_gettime", "dx", (in SyscallArgs a) => ClockGetTime((int)a.A0, a.A1, wide: false));
        Register(N.ClockGettime64, "clock_gettime64", "dx", (in SyscallArgs a) => ClockGetTime((int)a.A0, a.A1, wide: true));
        Register(N.Gettimeofday, "gettimeofday", "xx", (in SyscallArgs a) => GetTimeOfDay(a.A0, a.A1));
        Register(N.Time, "time", "x", (in SyscallArgs a) => Time(a.A0));
        Register(N.Nanosleep, "nanosleep", "xx", (in SyscallArgs a) => Sleep(ClockMonotonic, 0, a.A0, a.A1, wide: false));
        Register(N.ClockNanosleep, "clock_nanosleep", "ddxx", (in SyscallArgs a) => Sleep((int)a.A0, (int)a.A1, a.A2, a.A3, wide: false));
        Register(N.ClockNanosleepTime64, "clock_nanosleep_time64", "ddxx", (in SyscallArgs a) => Sleep((int)a.A0, (int)a.A1, a.A2, a.A3, wide: true));
        Register(N.Alarm, "alarm", "u", (in SyscallArgs a) => Alarm(a.A0));
    }

    /// <summary>Nanoseconds on a clock, or null for an unknown clock id.</summary>
    private static long? Now(int clock) => clock switch
    {
        ClockRealtime or ClockRealtimeCoarse => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).Ticks * 100,
        ClockMonotonic or ClockMonotonicRaw or ClockMonotonicCoarse or ClockBoottime =>
            (long)((Stopwatch.GetTimestamp() - MonotonicOrigin) * (1e9 / Stopwatch.Frequency)),
        ClockProcessCpu or ClockThreadCpu => (long)System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100,
        _ => null,
    };

    private int ClockGetTime(int clock, uint address, bool wide)
    {
        if (Now(clock) is not { } nanoseconds) return -Errno.EINVAL;
        WriteTimespec(address, nanoseconds, wide);
        return 0;
    }

    /// <summary>struct timespec: 32-bit seconds and nanoseconds, or 64-bit both for the *_time64 calls.</summary>
    private void WriteTimespec(uint address, long nanoseconds, bool wide)
    {
        var (seconds, rest) = Math.DivRem(nanoseconds, 1_000_000_000);
        if (wide)
        {
            Memory.RequireWritable(address, 16);
            Memory.WriteU64(address, (ulong)seconds);
            Memory.WriteU64(address + 8, (ulong)rest);
        }
        else
        {
            Memory.RequireWritable(address, 8);
            Memory.WriteU32(address, (uint)seconds);
            Memory.WriteU32(address + 4, (uint)rest);
        }
    }

    private long ReadTimespec(uint address, bool wide) => wide
        ? (long)Memory.ReadU64(address) * 1_000_000_000 + (long)Memory.ReadU64(address + 8)
        : (long)(int)Memory.ReadU32(address) * 1_000_000_000 + (int)Memory.ReadU32(address + 4);

    private int GetTimeOfDay(uint timeval, uint timezone)
    {
        var nanoseconds = Now(ClockRealtime)!.Value;
        if (timeval != 0)
        {
            Memory.RequireWritable(timeval, 8);
            Memory.WriteU32(timeval, (uint)(nanoseconds / 1_000_000_000));
            Memory.WriteU32(timeval + 4, (uint)(nanoseconds / 1000 % 1_000_000));
        }
        if (timezone != 0) Memory.WriteU64(timezone, 0);  // UTC, no DST
        return 0;
    }

    private int Time(uint address)
    {
        var seconds = (uint)(Now(ClockRealtime)!.Value / 1_000_000_000);
        if (address != 0) Memory.WriteU32(address, seconds);
        return (int)seconds;
    }

    /// <summary>
    /// nanosleep and clock_nanosleep wait like any other call: the first attempt sets the deadline and
    /// returns <see cref="Errno.Restart"/>, so other processes run (and the scheduler sleeps the host
    /// when nothing can); the attempt after the deadline returns 0. A signal handler cuts it short with
    /// EINTR; the time remaining is then not reported.
    /// </summary>
    private int Sleep(int clock, int flags, uint request, uint remaining, bool wide)
    {
        if (Now(clock) is not { } now) return -Errno.EINVAL;
        if (_sleepUntil is not { } deadline)
        {
            var duration = ReadTimespec(request, wide);
            if (duration < 0) return -Errno.EINVAL;
            if ((flags & TimerAbsolute) != 0) duration -= now;
            deadline = Monotonic + duration;
        }
        _ = remaining;
        if (Monotonic >= deadline)
        {
            _sleepUntil = null;
            return 0;
        }
        _sleepUntil = deadline;
        return Errno.Restart;
    }

    /// <summary>alarm: SIGALRM after that many seconds (0 cancels); returns the seconds left of the previous alarm.</summary>
    private int Alarm(uint seconds)
    {
        var left = _alarmAt is { } at ? (int)Math.Max(1, (at - Monotonic + 999_999_999) / 1_000_000_000) : 0;
        _alarmAt = seconds == 0 ? null : Monotonic + seconds * 1_000_000_000L;
        return left;
    }

    private long? _sleepUntil, _alarmAt;

    private static long Monotonic => Now(ClockMonotonic)!.Value;

    /// <summary>The monotonic time (ns) at which this process has something to do: a sleep ends or an alarm rings.</summary>
    public long? NextWakeup => (_sleepUntil, _alarmAt) switch
    {
        ({ } sleep, { } alarm) => Math.Min(sleep, alarm),
        (var sleep, var alarm) => sleep ?? alarm,
    };

    /// <summary>Nanoseconds from now until <paramref name="wakeup"/>, for a scheduler that has nothing to run meanwhile.</summary>
    public static long NanosecondsUntil(long wakeup) => Math.Max(0, wakeup - Monotonic);

    /// <summary>Rings the alarm when it is due: SIGALRM, sent by the kernel.</summary>
    public void CheckTimers()
    {
        if (_alarmAt is not { } at || Monotonic < at) return;
        _alarmAt = null;
        Post(new SignalInfo(Signals.SIGALRM, SignalInfo.Kernel));
    }
}
