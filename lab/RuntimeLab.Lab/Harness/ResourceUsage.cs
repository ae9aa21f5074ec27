using System.Runtime.InteropServices;

namespace RuntimeLab.Lab.Harness;

/// <summary>CPU time from getrusage(2), on Linux; null elsewhere rather than a guessed figure.</summary>
internal static partial class ResourceUsage
{
    private const int RusageSelf = 0;
    private const int RusageChildren = -1;

    /// <summary>CPU time of this whole process (all threads, GC and JIT included).</summary>
    public static TimeSpan? Self() => CpuTime(RusageSelf);

    /// <summary>
    /// CPU time of every child this process has reaped so far. .NET reaps each child as it exits, so the delta
    /// across one sequential run is that child's CPU time (plus descendants it waited for).
    /// </summary>
    public static TimeSpan? ReapedChildren() => CpuTime(RusageChildren);

    private static TimeSpan? CpuTime(int who)
    {
        if (!OperatingSystem.IsLinux() || GetRusage(who, out var usage) != 0)
            return null;
        long micros = (usage.UserSeconds + usage.SystemSeconds) * 1_000_000 + usage.UserMicros + usage.SystemMicros;
        return TimeSpan.FromMicroseconds(micros);
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, out Rusage usage);

    // struct rusage on 64-bit Linux: two timevals, then fourteen longs this class does not read.
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicros;
        public long SystemSeconds;
        public long SystemMicros;
        public unsafe fixed long Rest[14];
    }
}
