using System.Runtime.InteropServices;
using RuntimeLab.Runtime.Gc;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.Tests.Gc;

public sealed unsafe class AllocationTests
{
    [Fact]
    public void Objects_AreZeroedAlignedDistinct_WithTheirMethodTable()
    {
        using var f = new HeapFixture();
        var seen = new HashSet<nint>();
        nint previous = 0;
        for (int i = 0; i < 50_000; i++)
        {
            nint n = f.Heap.AllocObject(f.Types.Node);
            Assert.Equal(0, n & 7);
            Assert.Equal((nint)f.Types.Node, *(nint*)n);
            Assert.Equal(0UL, *(ulong*)(n - 8));
            Assert.Equal(0, HeapFixture.Left(n));
            Assert.Equal(0, HeapFixture.Right(n));
            Assert.Equal(0, HeapFixture.Value(n));
            Assert.True(seen.Add(n));
            if (previous != 0)
                Assert.True(Math.Abs(n - previous) >= 8 + 28);   // no overlap with the last one
            *(int*)(n + TestTypes.ValueOffset) = -1;             // dirty it for the reuse check below
            previous = n;
        }
        // Everything above is garbage: reused cells must come back zeroed.
        f.Heap.Collect();
        for (int i = 0; i < 50_000; i++)
        {
            nint n = f.Heap.AllocObject(f.Types.Node);
            Assert.Equal(0, HeapFixture.Value(n));
            Assert.Equal(0UL, *(ulong*)(n - 8));
        }
    }

    [Fact]
    public void ArraysStringsAndMdArrays_HaveTheirLengths()
    {
        using var f = new HeapFixture();
        nint arr = f.Heap.AllocArray(f.Types.ObjectArray, 1000);
        Assert.Equal(1000, *(int*)(arr + ObjectLayout.ArrayLengthOffset));
        for (int i = 0; i < 1000; i++)
            Assert.Equal(0, ((nint*)(arr + ObjectLayout.SzArrayDataOffset))[i]);
        Assert.Equal(8 + 16 + 8000, GcHeap.ObjectSize(arr));

        nint empty = f.Heap.AllocArray(f.Types.ByteArray, 0);
        Assert.Equal(0, *(int*)(empty + ObjectLayout.ArrayLengthOffset));

        nint s = f.Heap.AllocString(f.Types.String, 5);
        Assert.Equal(5, *(int*)(s + ObjectLayout.StringLengthOffset));
        var chars = new Span<char>((char*)(s + ObjectLayout.StringCharsOffset), 6);
        "hello".AsSpan().CopyTo(chars);
        Assert.Equal('\0', chars[5]);
        Assert.Equal(8 + 14 + 10 + 7 & ~7, GcHeap.ObjectSize(s));

        nint md = f.Heap.AllocMdArray(f.Types.ObjectArray2D, [3, 4]);
        Assert.Equal(12, *(int*)(md + ObjectLayout.ArrayLengthOffset));
        int* dims = (int*)(md + 16);
        Assert.Equal(new[] { 3, 4, 0, 0 }, new[] { dims[0], dims[1], dims[2], dims[3] });
        Assert.Equal(8 + 32 + 12 * 8, GcHeap.ObjectSize(md));
        for (int i = 0; i < 12; i++)
            Assert.Equal(0, ((nint*)(md + ObjectLayout.MdArrayDataOffset(2)))[i]);
    }

    [Fact]
    public void FindObject_MapsInteriorAddresses_AndRejectsTheRest()
    {
        using var f = new HeapFixture();
        nint n = f.Heap.AllocObject(f.Types.Node);
        Assert.Equal(n, f.Heap.FindObject(n));
        Assert.Equal(n, f.Heap.FindObject(n + TestTypes.ValueOffset));
        Assert.Equal(n, f.Heap.FindObject(n - 8));      // the header word belongs to the object

        nint big = f.Heap.AllocArray(f.Types.ByteArray, 200_000);
        Assert.Equal(big, f.Heap.FindObject(big));
        Assert.Equal(big, f.Heap.FindObject(big + 150_000));

        int local = 0;
        Assert.Equal(0, f.Heap.FindObject((nint)(&local)));
        nint native = (nint)NativeMemory.Alloc(64);
        Assert.Equal(0, f.Heap.FindObject(native));
        NativeMemory.Free((void*)native);
        // In the heap's range but in no object: past the large object, and a never-used cell.
        Assert.Equal(0, f.Heap.FindObject(big + 1_000_000));
        Assert.Equal(0, f.Heap.FindObject(n + 4096));
    }

    [Fact]
    public void AllSizeClassesAndLargeSizes_RoundTrip()
    {
        using var f = new HeapFixture();
        var arrays = new List<(nint Obj, int Length)>();
        for (int length = 0; length < 70_000; length = length < 64 ? length + 1 : length * 5 / 4)
        {
            nint a = f.Heap.AllocArray(f.Types.ByteArray, length);
            f.Roots[arrays.Count] = a;
            new Span<byte>((byte*)(a + 16), length).Fill((byte)length);
            arrays.Add((a, length));
        }
        f.Heap.Collect();
        f.Heap.Collect(GcKind.Minor);
        foreach (var (a, length) in arrays)
        {
            Assert.Equal(length, *(int*)(a + 8));
            Assert.True(new Span<byte>((byte*)(a + 16), length).IndexOfAnyExcept((byte)length) < 0);
        }
    }

    [Fact]
    public void Dispose_ThenAllocate_Throws()
    {
        var f = new HeapFixture();
        f.Heap.AllocObject(f.Types.Node);
        f.Heap.Dispose();
        try
        {
            Assert.Throws<ObjectDisposedException>(() => f.Heap.AllocObject(f.Types.Node));
        }
        finally
        {
            f.Dispose();
        }
    }
}
