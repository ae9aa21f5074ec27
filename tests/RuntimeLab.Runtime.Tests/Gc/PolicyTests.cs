using System.Text.RegularExpressions;
using RuntimeLab.Runtime.Gc;

namespace RuntimeLab.Runtime.Tests.Gc;

public sealed unsafe class PolicyTests
{
    [Fact]
    public void HeapLimit_ThrowsOutOfMemory_AndTheHeapStaysUsable()
    {
        const long limit = 24L << 20;
        using var f = new HeapFixture(new GcHeapOptions { HeapLimit = limit });
        nint list = f.Heap.AllocArray(f.Types.ObjectArray, 100_000);
        f.Roots[0] = list;
        int kept = 0;
        var oom = Assert.Throws<GcOutOfMemoryException>(() =>
        {
            for (; kept < 100_000; kept++)
                f.Heap.StoreRef((nint*)(list + 16) + kept, f.Heap.AllocArray(f.Types.ByteArray, 1000));
        });
        Assert.Equal(limit, oom.LimitBytes);
        Assert.True(f.Heap.HeapSize <= limit);
        Assert.True(kept > 15_000, $"only {kept} KB fit in 24 MiB");
        Assert.True(f.Heap.Stats.FullCollections >= 1);      // it collected before giving up

        // A single allocation bigger than the limit fails too, without breaking anything.
        Assert.Throws<GcOutOfMemoryException>(() => f.Heap.AllocArray(f.Types.ByteArray, 64 << 20));

        // Drop the older half (whole blocks: objects do not move, so freed cells serve only their own
        // size class): other sizes can be allocated again, and the survivors are intact.
        for (int i = 0; i < kept / 2; i++)
            f.Heap.StoreRef((nint*)(list + 16) + i, 0);
        for (int i = 0; i < kept * 5; i++)
            f.NewNode(0, 0, i);
        nint big = f.Heap.AllocArray(f.Types.ByteArray, 4 << 20);
        Assert.NotEqual(0, big);
        for (int i = kept / 2; i < kept; i++)
            Assert.Equal(1000, *(int*)(((nint*)(list + 16))[i] + 8));
    }

    [Fact]
    public void Stress_CollectsAtEveryAllocation_AndKeepsTheGraph()
    {
        using var f = new HeapFixture(new GcHeapOptions { GcStress = 10 });
        nint root = f.BuildTree(9, 1);        // 1023 nodes + nothing else: 1023 allocations
        f.Roots[0] = root;
        for (int i = 0; i < 3000; i++)
            f.NewNode(0, 0, i);               // garbage
        var stats = f.Heap.Stats;
        Assert.Equal(1023 + 3000, stats.Collections);
        Assert.Equal((1023 + 3000) / 10, stats.FullCollections);
        Assert.Equal(1023, f.CheckTree(root, 9, 1));
        Assert.True(f.Heap.HeapSize <= 2 * GcHeap.BlockSize, $"heap {f.Heap.HeapSize}");   // the garbage went at once

        f.Heap.GcStress = 0;                  // back to normal: allocations no longer collect
        for (int i = 0; i < 1000; i++)
            f.NewNode(0, 0, i);
        Assert.Equal(1023 + 3000, f.Heap.Stats.Collections);
    }

    [Fact]
    public void Stress_MinorCollectionsStayCheap_WithABigOldHeap()
    {
        using var f = new HeapFixture();
        f.Roots[0] = f.BuildTree(18, 1);      // ~10 MiB of old objects
        f.Heap.Collect();
        f.Heap.Collect();
        int before = f.Heap.Stats.Collections;
        f.Heap.GcStress = 1_000_000;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 20_000; i++)
            f.NewNode(0, 0, i);
        watch.Stop();
        // 20k minor collections over a 10 MiB heap: O(heap) each would take many seconds.
        Assert.True(watch.ElapsedMilliseconds < 3000, $"{watch.ElapsedMilliseconds} ms");
        Assert.Equal(before + 20_000, f.Heap.Stats.Collections);
    }

    [Fact]
    public void Policy_CollectsByItself_AndFullCollectionsFollowGrowth()
    {
        using var f = new HeapFixture(new GcHeapOptions { NurseryBytes = 1 << 20, MinFullHeadroom = 2 << 20 });
        // Binary-trees-like: a long-lived tree, many short-lived ones, and every 5th kept (old space grows).
        f.Roots[0] = f.BuildTree(14, 1);
        nint kept = f.Heap.AllocArray(f.Types.ObjectArray, 400);
        f.Roots[1] = kept;
        for (int i = 0; i < 2000; i++)
        {
            nint tree = f.BuildTree(8, i);
            if (i % 5 == 0)
                f.Heap.StoreRef((nint*)(kept + 16) + i / 5, tree);
        }
        var stats = f.Heap.Stats;
        Assert.True(stats.MinorCollections >= 30, stats.Format());
        // Live data grew from ~1.3 to ~9.5 MiB: a few full collections, not one per minor.
        Assert.InRange(stats.FullCollections, 1, 6);
        Assert.True(f.Heap.HeapSize < 16L << 20, stats.Format());   // garbage did not pile up
        Assert.Equal(32767, f.CheckTree(f.Roots[0], 14, 1));
        for (int i = 0; i < 400; i++)
            Assert.Equal(511, f.CheckTree(((nint*)(kept + 16))[i], 8, i * 5));
    }

    [Fact]
    public void Stats_AreConsistent_AndTraced()
    {
        var trace = new StringWriter();
        using var f = new HeapFixture(new GcHeapOptions { NurseryBytes = 1 << 20, Trace = trace });
        f.Roots[0] = f.BuildTree(13, 1);
        for (int i = 0; i < 100; i++)
            f.BuildTree(8, i);
        f.Heap.AllocArray(f.Types.ByteArray, 1 << 20);
        f.Heap.Collect();
        GcStats s = f.Heap.Stats;

        Assert.True(s.AllocatedBytes >= 100 * 511 * 40L + (1 << 20));
        Assert.True(s.SurvivedBytes > 0 && s.AllocatedBytes >= s.SurvivedBytes);
        Assert.True(s.PromotedBytes > 0 && s.SurvivedBytes >= s.PromotedBytes);
        Assert.True(s.PromotedBytes >= 16383 * 40L);             // the long-lived tree got old
        Assert.True(s.PauseMax >= s.PauseP99 && s.PauseP99 > TimeSpan.Zero && s.PauseMax >= s.PauseMean);
        Assert.True(s.PauseTotal >= s.PauseMax);
        Assert.True(s.PeakCommittedBytes >= s.CommittedBytes && s.CommittedBytes >= s.HeapBytes);
        Assert.Equal(f.Heap.HeapSize, s.HeapBytes);
        Assert.Equal(0, s.LargeObjectBytes);                       // the 1 MiB array was garbage

        string[] lines = trace.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(s.Collections, lines.Length);
        Assert.Matches(new Regex(@"^gc 1 (minor|full) \(\w+\): [\d.]+ MiB -> [\d.]+ MiB, committed [\d.]+ MiB, promoted [\d.]+ MiB, [\d.]+ ms"), lines[0]);
        Assert.Equal(s.FullCollections, lines.Count(l => l.Contains(" full ")));
        string report = s.Format();
        Assert.Contains($"collections  {s.Collections} ({s.MinorCollections} minor, {s.FullCollections} full)", report);
        Assert.Contains("p99", report);
    }

    [Fact]
    public void CommittedMemory_GoesBackToTheOs_AfterAGraphIsDropped()
    {
        using var f = new HeapFixture();
        f.Roots[0] = f.BuildTree(8, 1);
        f.Heap.Collect();
        long baseline = f.Heap.CommittedBytes;

        nint arrays = f.Heap.AllocArray(f.Types.ObjectArray, 200);
        f.Roots[1] = arrays;
        for (int i = 0; i < 200; i++)
            f.Heap.StoreRef((nint*)(arrays + 16) + i, f.Heap.AllocArray(f.Types.ByteArray, 300_000));   // 60 MB large
        f.Roots[2] = f.BuildTree(18, 1);                                                               // 20 MB small
        f.Heap.Collect();
        long peak = f.Heap.CommittedBytes;
        Assert.True(peak > baseline + (70L << 20), $"peak {peak}");

        f.Roots[1] = f.Roots[2] = 0;
        f.Heap.Collect();
        long after = f.Heap.CommittedBytes;
        // What stays: the live tree's blocks and at most a nursery's worth of empty blocks.
        Assert.True(after <= baseline + (4L << 20) + GcHeap.BlockSize, $"baseline {baseline}, peak {peak}, after {after}");
        Assert.True(f.Heap.Stats.PeakCommittedBytes >= peak);
        Assert.Equal(511, f.CheckTree(f.Roots[0], 8, 1));

        // Decommitted memory is reused, zeroed.
        nint again = f.Heap.AllocArray(f.Types.ByteArray, 300_000);
        Assert.True(new Span<byte>((byte*)(again + 16), 300_000).IndexOfAnyExcept((byte)0) < 0);
        for (int i = 0; i < 100_000; i++)
            Assert.Equal(0, HeapFixture.Value(f.Heap.AllocObject(f.Types.Node)));
    }

    [Fact]
    public void Heaps_AreIndependent_InParallel()
    {
        Parallel.For(0, 4, k =>
        {
            using var f = new HeapFixture(new GcHeapOptions { NurseryBytes = 1 << 20 });
            f.Roots[0] = f.BuildTree(12, k);
            for (int i = 0; i < 50; i++)
                f.BuildTree(8, i);
            f.Heap.Collect();
            Assert.Equal(8191, f.CheckTree(f.Roots[0], 12, k));
        });
    }
}
