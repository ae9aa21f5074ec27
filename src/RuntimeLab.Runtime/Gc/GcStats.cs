using System.Globalization;
using System.Text;

namespace RuntimeLab.Runtime.Gc;

/// <summary>
/// Collector statistics at one moment. Byte counts are heap bytes (cells, or pages for large objects).
/// Each object is counted at most once in <see cref="SurvivedBytes"/> (when it survives its first
/// collection) and once in <see cref="PromotedBytes"/> (when it becomes old), so
/// Allocated ≥ Survived ≥ Promoted.
/// </summary>
public sealed record GcStats
{
    public int MinorCollections { get; init; }
    public int FullCollections { get; init; }
    public int Collections => MinorCollections + FullCollections;
    public TimeSpan PauseTotal { get; init; }
    public TimeSpan PauseMax { get; init; }
    public TimeSpan PauseMean { get; init; }
    public TimeSpan PauseP99 { get; init; }
    public long AllocatedBytes { get; init; }
    public long SurvivedBytes { get; init; }
    public long PromotedBytes { get; init; }
    /// <summary>Bytes in use now: small-object blocks holding objects plus large objects.</summary>
    public long HeapBytes { get; init; }
    public long LargeObjectBytes { get; init; }
    /// <summary>Memory taken from the OS now (in use plus empty blocks kept for reuse).</summary>
    public long CommittedBytes { get; init; }
    public long PeakCommittedBytes { get; init; }

    /// <summary>The <c>--gc-stats</c> report, a few aligned lines.</summary>
    public string Format()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"gc: collections  {Collections} ({MinorCollections} minor, {FullCollections} full)");
        sb.AppendLine(c, $"gc: pauses       total {Ms(PauseTotal)}, mean {Ms(PauseMean)}, p99 {Ms(PauseP99)}, max {Ms(PauseMax)}");
        sb.AppendLine(c, $"gc: allocated    {Mib(AllocatedBytes)}, survived {Mib(SurvivedBytes)}, promoted {Mib(PromotedBytes)}");
        sb.Append(c, $"gc: heap         {Mib(HeapBytes)} in use ({Mib(LargeObjectBytes)} large), committed {Mib(CommittedBytes)}, peak {Mib(PeakCommittedBytes)}");
        return sb.ToString();
    }

    internal static string Mib(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MiB";
    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture) + " ms";
}
