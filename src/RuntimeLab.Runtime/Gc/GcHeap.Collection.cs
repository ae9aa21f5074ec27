using System.Diagnostics;
using System.Globalization;

namespace RuntimeLab.Runtime.Gc;

public enum GcKind
{
    /// <summary>Marks and sweeps only young objects; old objects count as live.</summary>
    Minor,
    /// <summary>Marks and sweeps the whole heap.</summary>
    Full,
}

/// <summary>
/// Collection policy and bookkeeping. At an allocation that needs a new block or a large object:
/// a minor collection once <see cref="GcHeapOptions.NurseryBytes"/> have been allocated since the last
/// collection, made a full one when the heap has grown by <see cref="GcHeapOptions.FullGrowthFactor"/>
/// since the last full collection; a full one before failing against <see cref="HeapLimit"/>.
/// </summary>
public sealed unsafe partial class GcHeap
{
    private bool _inGc;
    private long _nextFullThreshold;

    // Statistics.
    private readonly int[] _collections = new int[2];
    private readonly List<double> _pausesMs = [];
    private double _pauseTotalMs, _pauseMaxMs;
    private long _survivedBytes, _promotedBytes, _peakCommitted;

    /// <summary>Collects now. Call with every root reportable: the provider is asked for them.</summary>
    public void Collect(GcKind kind = GcKind.Full) => Collect(kind, "induced");

    private void Collect(GcKind kind, string reason)
    {
        ThrowIfDisposed();
        if (_inGc)
            throw new InvalidOperationException("A collection is already running (did a root provider allocate?).");
        _inGc = true;
        long start = Stopwatch.GetTimestamp();
        long before = HeapSize;
        try
        {
            RetireAllContexts();
            _fullGc = kind == GcKind.Full;
            _gcSurvived = _gcPromoted = 0;
            if (_fullGc)
                ClearAllCards();   // marking re-dirties the cards that old→young slots need
            else
                ScanDirtyCards();
            Roots?.ReportRoots(_reporter);
            Handles.ReportStrong(this);
            DrainMarkStack();
            Handles.ClearDeadWeak(this);
            if (_fullGc)
                SweepAll();
            else
                SweepYoung();
            DecommitExcessBlocks();
        }
        finally
        {
            _inGc = false;
        }

        double pauseMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        _collections[(int)kind]++;
        _pausesMs.Add(pauseMs);
        _pauseTotalMs += pauseMs;
        _pauseMaxMs = Math.Max(_pauseMaxMs, pauseMs);
        _survivedBytes += _gcSurvived;
        _promotedBytes += _gcPromoted;
        _allocatedAtLastGc = AllocatedBytes;
        if (_fullGc)
            _nextFullThreshold = Math.Max((long)(HeapSize * _fullGrowthFactor), HeapSize + _minFullHeadroom);
        Trace?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gc {_collections[0] + _collections[1]} {(_fullGc ? "full" : "minor")} ({reason}): {GcStats.Mib(before)} -> {GcStats.Mib(HeapSize)}, committed {GcStats.Mib(CommittedBytes)}, promoted {GcStats.Mib(_gcPromoted)}, {pauseMs:F3} ms"));
    }

    private void ClearAllCards()
    {
        new Span<byte>(_cards, _smallTop * CardsPerBlock).Clear();
        if (_largeTop != 0)
        {
            nint first = (_largeBase - _base) >> CardShift;
            new Span<byte>(_cards + first, (int)((_largeTop - _largeBase) >> CardShift)).Clear();
        }
    }

    private void UpdatePeak() => _peakCommitted = Math.Max(_peakCommitted, CommittedBytes);

    /// <summary>A snapshot of the statistics (<c>--gc-stats</c>).</summary>
    public GcStats Stats
    {
        get
        {
            double[] pauses = [.. _pausesMs];
            Array.Sort(pauses);
            int n = pauses.Length;
            return new GcStats
            {
                MinorCollections = _collections[(int)GcKind.Minor],
                FullCollections = _collections[(int)GcKind.Full],
                PauseTotal = TimeSpan.FromMilliseconds(_pauseTotalMs),
                PauseMax = TimeSpan.FromMilliseconds(_pauseMaxMs),
                PauseMean = n == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(_pauseTotalMs / n),
                PauseP99 = n == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(pauses[Math.Min(n - 1, (int)Math.Ceiling(n * 0.99) - 1)]),
                AllocatedBytes = AllocatedBytes,
                SurvivedBytes = _survivedBytes,
                PromotedBytes = _promotedBytes,
                HeapBytes = HeapSize,
                LargeObjectBytes = _largeBytes,
                CommittedBytes = CommittedBytes,
                PeakCommittedBytes = Math.Max(_peakCommitted, CommittedBytes),
            };
        }
    }
}
