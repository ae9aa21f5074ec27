using RuntimeLab.Runtime.Gc;

namespace RuntimeLab.Runtime.Tests.Gc;

public sealed unsafe class GenerationalTests
{
    private static HeapFixture NewFixture(int promotionAge = 2) => new(new GcHeapOptions { PromotionAge = promotionAge });

    /// <summary>Collects until <paramref name="obj"/> (rooted) is old.</summary>
    private static void Promote(HeapFixture f, nint obj, int promotionAge)
    {
        for (int i = 0; i < promotionAge; i++)
            f.Heap.Collect(GcKind.Minor);
        Assert.True(HeapFixture.Age(obj) >= promotionAge);
    }

    [Fact]
    public void YoungGarbage_DiesInAMinorCollection_OldGarbageWaitsForAFullOne()
    {
        using var f = NewFixture();
        nint old = f.NewNode(0, 0, 1);
        f.Roots[0] = old;
        Promote(f, old, 2);
        nint young = f.NewNode(0, 0, 2);

        f.Roots[0] = 0;
        f.Heap.Collect(GcKind.Minor);
        Assert.False(f.IsLive(young));
        Assert.True(f.IsLive(old));                      // unreachable, but a minor collection does not look at old objects
        Assert.Equal(1, HeapFixture.Value(old));
        f.Heap.Collect();
        Assert.False(f.IsLive(old));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void OldToYoung_ThroughTheBarrier_SurvivesMinorCollections(int promotionAge)
    {
        using var f = NewFixture(promotionAge);
        nint old = f.NewNode(0, 0, 1);
        nint oldArray = f.Heap.AllocArray(f.Types.ObjectArray, 64);
        nint oldLarge = f.Heap.AllocArray(f.Types.ObjectArray, 20_000);   // large-object space
        nint oldPairs = f.Heap.AllocArray(f.Types.PairArray, 40);
        f.Roots[0] = old; f.Roots[1] = oldArray; f.Roots[2] = oldLarge; f.Roots[3] = oldPairs;
        Promote(f, old, promotionAge);
        Assert.True(HeapFixture.Age(oldLarge) >= promotionAge);

        // Young objects referred to only from old ones.
        nint y1 = f.NewNode(0, 0, 101);
        f.Heap.StoreRef((nint*)(old + TestTypes.RightOffset), y1);
        Assert.True(f.Heap.IsCardDirty(old + TestTypes.RightOffset));
        nint y2 = f.NewNode(0, 0, 102);
        f.Heap.StoreRef((nint*)(oldArray + 16) + 33, y2);
        nint y3 = f.NewNode(0, 0, 103);
        f.Heap.StoreRef((nint*)(oldLarge + 16) + 17_000, y3);
        nint y4 = f.NewNode(0, 0, 104);
        f.Heap.StoreRef((nint*)(oldPairs + 16 + 16 * 39), y4);
        // A young object whose own child is young: reached through the remembered one.
        nint y5 = f.NewNode(0, 0, 105);
        f.Heap.StoreRef((nint*)(y1 + TestTypes.LeftOffset), y5);

        for (int i = 0; i < 5; i++)
        {
            for (int j = 0; j < 5000; j++)
                f.NewNode(0, 0, -j);                          // garbage in the same blocks
            f.Heap.Collect(GcKind.Minor);
            Assert.Equal(101, HeapFixture.Value(HeapFixture.Right(old)));
            Assert.Equal(105, HeapFixture.Value(HeapFixture.Left(HeapFixture.Right(old))));
            Assert.Equal(102, HeapFixture.Value(((nint*)(oldArray + 16))[33]));
            Assert.Equal(103, HeapFixture.Value(((nint*)(oldLarge + 16))[17_000]));
            Assert.Equal(104, HeapFixture.Value(*(nint*)(oldPairs + 16 + 16 * 39)));
        }
        foreach (nint y in new[] { y1, y2, y3, y4, y5 })
            Assert.True(HeapFixture.Age(y) >= promotionAge);

        // Overwriting the reference makes the young object garbage again.
        nint y6 = f.NewNode(0, 0, 106);
        f.Heap.StoreRef((nint*)(old + TestTypes.LeftOffset), y6);
        f.Heap.Collect(GcKind.Minor);
        Assert.True(f.IsLive(y6));
        f.Heap.StoreRef((nint*)(old + TestTypes.LeftOffset), 0);
        for (int i = 0; i < promotionAge; i++)
            f.Heap.Collect(GcKind.Minor);
        if (promotionAge > 1)
            Assert.False(f.IsLive(y6));                      // still young when dropped: a minor collection frees it
    }

    [Fact]
    public void CardsStayDirty_WhileTheTargetIsYoung()
    {
        using var f = NewFixture(3);
        nint old = f.NewNode(0, 0, 1);
        f.Roots[0] = old;
        Promote(f, old, 3);
        nint young = f.NewNode(0, 0, 2);
        f.Heap.StoreRef((nint*)(old + TestTypes.LeftOffset), young);
        f.Heap.Collect(GcKind.Minor);                        // young is 1 now: the card must survive the scan
        Assert.True(f.Heap.IsCardDirty(old + TestTypes.LeftOffset));
        f.Heap.Collect();                                    // a full collection rebuilds the cards: still needed
        Assert.True(f.Heap.IsCardDirty(old + TestTypes.LeftOffset));
        f.Heap.Collect(GcKind.Minor);                        // young reaches 3: old, the card can go
        Assert.Equal(3, HeapFixture.Age(young));
        Assert.False(f.Heap.IsCardDirty(old + TestTypes.LeftOffset));
        Assert.Equal(2, HeapFixture.Value(HeapFixture.Left(old)));
    }

    [Fact]
    public void PromotedObjectReferringToYoung_IsRemembered()
    {
        // A young object that is promoted while holding a reference to a younger one: no barrier ran
        // on an old object, so the collector itself must dirty the card.
        using var f = NewFixture(2);
        nint parent = f.NewNode(0, 0, 1);
        f.Roots[0] = parent;
        f.Heap.Collect(GcKind.Minor);                        // parent: age 1
        nint child = f.NewNode(0, 0, 2);
        f.Heap.StoreRef((nint*)(parent + TestTypes.LeftOffset), child);
        f.Heap.Collect(GcKind.Minor);                        // parent old, child age 1
        Assert.True(HeapFixture.Age(parent) >= 2 && HeapFixture.Age(child) == 1);
        for (int i = 0; i < 3; i++)
            f.Heap.Collect(GcKind.Minor);
        Assert.True(f.IsLive(child));
        Assert.Equal(2, HeapFixture.Value(HeapFixture.Left(parent)));
    }

    [Fact]
    public void RangeBarrier_CoversABlockCopy()
    {
        using var f = NewFixture(1);
        nint old = f.Heap.AllocArray(f.Types.ObjectArray, 100);
        f.Roots[0] = old;
        f.Heap.Collect(GcKind.Minor);
        nint source = f.Heap.AllocArray(f.Types.ObjectArray, 100);
        f.Roots[1] = source;
        for (int i = 0; i < 100; i++)
            f.Heap.StoreRef((nint*)(source + 16) + i, f.NewNode(0, 0, i));
        // Array.Copy as the runtime would do it: a memmove, then the range barrier.
        Buffer.MemoryCopy((void*)(source + 16), (void*)(old + 16), 800, 800);
        f.Heap.WriteBarrierRange(old + 16, 800);
        f.Roots[1] = 0;
        f.Heap.Collect(GcKind.Minor);
        for (int i = 0; i < 100; i++)
            Assert.Equal(i, HeapFixture.Value(((nint*)(old + 16))[i]));
    }
}
