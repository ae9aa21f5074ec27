using RuntimeLab.Runtime.Gc;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.Tests.Gc;

public sealed unsafe class CollectionTests
{
    [Fact]
    public void DroppedGraph_IsFreed_AndTheHeapReturnsToItsLiveSize()
    {
        using var f = new HeapFixture();
        f.Roots[0] = f.BuildTree(10, 1);                 // a small live graph, 2047 nodes
        f.Heap.Collect();
        long live = f.Heap.HeapSize;

        f.Roots[1] = f.BuildTree(19, 1);                 // ~1M nodes, 40 MiB
        f.Heap.Collect();
        Assert.True(f.Heap.HeapSize > live + (35 << 20), $"big graph: {f.Heap.HeapSize}");
        nint someNode = HeapFixture.Left(HeapFixture.Right(f.Roots[1]));

        f.Roots[1] = 0;
        f.Heap.Collect();
        Assert.False(f.IsLive(someNode));
        Assert.True(f.Heap.HeapSize <= live + GcHeap.BlockSize, $"live {live}, after {f.Heap.HeapSize}");
        Assert.Equal(2047, f.CheckTree(f.Roots[0], 10, 1));
    }

    [Fact]
    public void ReachableObjects_SurviveManyCollections_Intact()
    {
        using var f = new HeapFixture(new GcHeapOptions { NurseryBytes = 1 << 20 });
        f.Roots[0] = f.BuildTree(12, 1);

        // An object[] of strings and a Pair[] whose elements refer to nodes: every kind of reference.
        nint strings = f.Heap.AllocArray(f.Types.ObjectArray, 300);
        f.Roots[1] = strings;
        for (int i = 0; i < 300; i++)
        {
            string text = "s" + i;
            nint s = f.Heap.AllocString(f.Types.String, text.Length);
            text.AsSpan().CopyTo(new Span<char>((char*)(s + ObjectLayout.StringCharsOffset), text.Length));
            f.Heap.StoreRef((nint*)(strings + 16) + i, s);
        }
        nint pairs = f.Heap.AllocArray(f.Types.PairArray, 500);
        f.Roots[2] = pairs;
        for (int i = 0; i < 500; i++)
        {
            nint node = f.NewNode(0, 0, i * 7);
            nint element = pairs + 16 + i * 16;
            f.Heap.StoreRef((nint*)element, node);
            *(long*)(element + 8) = i * 1000L;
        }

        for (int round = 0; round < 30; round++)
        {
            for (int i = 0; i < 20_000; i++)                 // garbage, some of it collected on the way
                f.NewNode(0, 0, i);
            f.Heap.Collect(round % 5 == 4 ? GcKind.Full : GcKind.Minor);
        }

        Assert.Equal(8191, f.CheckTree(f.Roots[0], 12, 1));
        for (int i = 0; i < 300; i++)
        {
            nint s = ((nint*)(strings + 16))[i];
            int length = *(int*)(s + 8);
            Assert.Equal("s" + i, new string((char*)(s + 12), 0, length));
        }
        for (int i = 0; i < 500; i++)
        {
            nint element = pairs + 16 + i * 16;
            Assert.Equal(i * 7, HeapFixture.Value(*(nint*)element));
            Assert.Equal(i * 1000L, *(long*)(element + 8));
        }
        Assert.True(f.Heap.Stats.MinorCollections >= 24);
    }

    [Fact]
    public void InteriorRoots_KeepTheirObjectsAlive()
    {
        using var f = new HeapFixture();
        nint node = f.NewNode(0, 0, 42);
        f.Interior(0) = node + TestTypes.ValueOffset;               // ref int into a field
        nint child = f.NewNode(0, 0, 43);
        f.Heap.StoreRef((nint*)(node + TestTypes.LeftOffset), child);

        nint array = f.Heap.AllocArray(f.Types.ObjectArray, 100);
        f.Interior(1) = array + 16 + 8 * 57;                         // ref object into element 57
        nint element = f.NewNode(0, 0, 57);
        f.Heap.StoreRef((nint*)(array + 16 + 8 * 57), element);

        nint big = f.Heap.AllocArray(f.Types.ByteArray, 500_000);
        f.Interior(2) = big + 16 + 400_000;                          // deep inside a large object
        *(byte*)(big + 16 + 400_000) = 0x5A;

        int local;
        f.Interior(3) = (nint)(&local);                              // stack memory: ignored
        f.Interior(4) = f.Heap.ReservedBase + f.Heap.ReservedBytes - 8;   // the heap's range, no object

        nint unrooted = f.NewNode(0, 0, 99);
        f.Heap.Collect();
        f.Heap.Collect(GcKind.Minor);
        f.Heap.Collect();

        Assert.True(f.IsLive(node));
        Assert.Equal(42, HeapFixture.Value(node));
        Assert.Equal(43, HeapFixture.Value(HeapFixture.Left(node)));
        Assert.Equal(57, HeapFixture.Value(((nint*)(array + 16))[57]));
        Assert.True(f.IsLive(big));
        Assert.Equal(0x5A, *(byte*)(big + 16 + 400_000));
        Assert.False(f.IsLive(unrooted));

        f.Roots.Clear();
        f.Heap.Collect();
        Assert.False(f.IsLive(node));
        Assert.False(f.IsLive(big));
    }

    [Fact]
    public void DeepLinkedList_MarksWithoutRecursion()
    {
        using var f = new HeapFixture();
        const int count = 1_000_000;
        for (int i = 0; i < count; i++)
            f.Roots[0] = f.NewNode(f.Roots[0], 0, i);   // the old head stays rooted in the slot while allocating
        // Run on a thread with a small stack: a recursive marker would overflow it.
        var thread = new Thread(() => f.Heap.Collect(), 256 * 1024);
        thread.Start();
        thread.Join();

        int seen = 0;
        for (nint n = f.Roots[0]; n != 0; n = HeapFixture.Left(n))
        {
            Assert.Equal(count - 1 - seen, HeapFixture.Value(n));
            seen++;
        }
        Assert.Equal(count, seen);
        f.Roots[0] = 0;
        f.Heap.Collect();
        Assert.True(f.Heap.HeapSize <= GcHeap.BlockSize);
    }

    [Fact]
    public void Handles_StrongKeep_WeakClear_Pinned()
    {
        using var f = new HeapFixture();
        nint strongTarget = f.NewNode(0, 0, 1);
        GcHandle strong = f.Heap.Handles.Alloc(strongTarget);
        nint pinnedTarget = f.Heap.AllocArray(f.Types.ByteArray, 100);
        GcHandle pinned = f.Heap.Handles.Alloc(pinnedTarget, GcHandleType.Pinned);
        nint weakDead = f.NewNode(0, 0, 2);
        GcHandle weak = f.Heap.Handles.Alloc(weakDead, GcHandleType.Weak);
        nint weakLive = f.NewNode(0, 0, 3);
        f.Roots[0] = weakLive;
        GcHandle weak2 = f.Heap.Handles.Alloc(weakLive, GcHandleType.Weak);

        f.Heap.Collect(GcKind.Minor);
        Assert.Equal(0, f.Heap.Handles[weak]);          // a young weak target dies in a minor collection
        Assert.Equal(weakLive, f.Heap.Handles[weak2]);
        f.Heap.Collect();
        Assert.Equal(strongTarget, f.Heap.Handles[strong]);
        Assert.True(f.IsLive(strongTarget));
        Assert.Equal(pinnedTarget, f.Heap.Handles[pinned]);
        Assert.True(f.IsLive(pinnedTarget));
        Assert.Equal(weakLive, f.Heap.Handles[weak2]);

        f.Heap.Handles.Free(strong);
        f.Roots[0] = 0;
        f.Heap.Collect();
        Assert.False(f.IsLive(strongTarget));
        Assert.Equal(0, f.Heap.Handles[weak2]);         // an old weak target dies in a full collection
        Assert.Equal(3, f.Heap.Handles.Count);
        Assert.Throws<ArgumentException>(() => f.Heap.Handles[strong]);
    }

    [Fact]
    public void OwnedWeakHandle_FreedWithItsOwner_ClearedWithItsTarget()
    {
        using var f = new HeapFixture();
        nint owner = f.NewNode(0, 0, 1);        // plays the WeakReference object
        nint target = f.NewNode(0, 0, 2);
        f.Roots[0] = owner;
        f.Roots[1] = target;
        GcHandle handle = f.Heap.Handles.AllocWeakOwnedBy(owner, target);

        f.Heap.Collect(GcKind.Minor);
        Assert.Equal(target, f.Heap.Handles[handle]);   // both alive: nothing changes
        f.Roots[1] = 0;
        f.Heap.Collect();
        Assert.Equal(0, f.Heap.Handles[handle]);        // the target died: the owner sees null
        Assert.Equal(1, f.Heap.Handles.Count);

        f.Roots[0] = 0;
        f.Heap.Collect();
        Assert.Equal(0, f.Heap.Handles.Count);          // the owner died: its handle is gone too
        Assert.Throws<ArgumentException>(() => f.Heap.Handles[handle]);
    }

    [Fact]
    public void Generations_FollowSurvivedCollections()
    {
        using var f = new HeapFixture();
        nint obj = f.NewNode(0, 0, 1);
        f.Roots[0] = obj;
        Assert.Equal(0, f.Heap.GenerationOf(obj));
        f.Heap.Collect(GcKind.Minor);
        Assert.Equal(1, f.Heap.GenerationOf(obj));
        f.Heap.Collect(GcKind.Minor);
        Assert.Equal(GcHeap.MaxGeneration, f.Heap.GenerationOf(obj));
    }
}
