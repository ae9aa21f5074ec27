using System.Runtime.InteropServices;
using RuntimeLab.Runtime.Gc;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.Tests.Gc;

/// <summary>
/// Synthetic MethodTables in native memory, as the type loader will make them:
/// <code>
///   class Node { Node Left; Node Right; int Value; }   Left at 8, Right at 16, Value at 24
///   object[], byte[], object[,]
///   Pair[] where struct Pair { object Ref; long Value; }  (16-byte elements, a ref at 0)
///   string
/// </code>
/// </summary>
internal sealed unsafe class TestTypes : IDisposable
{
    public const int LeftOffset = 8, RightOffset = 16, ValueOffset = 24;

    public readonly MethodTable* Node;
    public readonly MethodTable* ObjectArray;
    public readonly MethodTable* ByteArray;
    public readonly MethodTable* ObjectArray2D;
    public readonly MethodTable* PairArray;
    public readonly MethodTable* String;
    private readonly List<nint> _allocations = [];

    public TestTypes()
    {
        Node = NewType(MethodTableFlags.None, baseSize: 28, componentSize: 0, rank: 0, refOffsets: [LeftOffset, RightOffset]);
        ObjectArray = NewType(MethodTableFlags.Array | MethodTableFlags.ElementsAreReferences, 16, 8, 1, null);
        ByteArray = NewType(MethodTableFlags.Array, 16, 1, 1, null);
        ObjectArray2D = NewType(MethodTableFlags.Array | MethodTableFlags.MultiDimArray | MethodTableFlags.ElementsAreReferences,
            (uint)ObjectLayout.MdArrayDataOffset(2), 8, 2, null);
        PairArray = NewType(MethodTableFlags.Array, 16, 16, 1, refOffsets: [0]);
        String = NewType(MethodTableFlags.String, ObjectLayout.StringBaseSize, 2, 0, null);
    }

    private MethodTable* NewType(MethodTableFlags flags, uint baseSize, ushort componentSize, ushort rank, int[]? refOffsets)
    {
        var mt = (MethodTable*)NativeMemory.AllocZeroed((nuint)sizeof(MethodTable));
        _allocations.Add((nint)mt);
        mt->Flags = flags;
        mt->BaseSize = baseSize;
        mt->ComponentSize = componentSize;
        mt->Rank = rank;
        mt->ValueSize = 8;
        if (refOffsets != null)
        {
            int* offsets = (int*)NativeMemory.Alloc((nuint)(refOffsets.Length + 1), sizeof(int));
            _allocations.Add((nint)offsets);
            offsets[0] = refOffsets.Length;
            for (int i = 0; i < refOffsets.Length; i++)
                offsets[i + 1] = refOffsets[i];
            mt->GcRefOffsets = offsets;
        }
        return mt;
    }

    public void Dispose()
    {
        foreach (nint p in _allocations)
            NativeMemory.Free((void*)p);
        _allocations.Clear();
    }
}

/// <summary>The VM's part in a test: native root slots (as a statics block would be) and interior-pointer slots.</summary>
internal sealed unsafe class TestRoots : IGcRootProvider, IDisposable
{
    public const int Count = 256;
    private nint* _slots = (nint*)NativeMemory.AllocZeroed(Count, (nuint)sizeof(nint));
    private nint* _interior = (nint*)NativeMemory.AllocZeroed(Count, (nuint)sizeof(nint));
    public int Reports { get; private set; }

    public ref nint this[int i] => ref _slots[i];
    public ref nint Interior(int i) => ref _interior[i];

    public void ReportRoots(GcRootReporter reporter)
    {
        Reports++;
        reporter.Objects(_slots, Count);
        for (int i = 0; i < Count; i++)
            if (_interior[i] != 0)
                reporter.Interior(&_interior[i]);
    }

    public void Clear()
    {
        new Span<nint>(_slots, Count).Clear();
        new Span<nint>(_interior, Count).Clear();
    }

    public void Dispose()
    {
        NativeMemory.Free(_slots);
        NativeMemory.Free(_interior);
        _slots = _interior = null;
    }
}

/// <summary>A heap with its types and roots, and helpers to build and check object graphs.</summary>
internal sealed unsafe class HeapFixture : IDisposable
{
    public readonly TestTypes Types = new();
    public readonly TestRoots Roots = new();
    public readonly GcHeap Heap;

    public HeapFixture(GcHeapOptions? options = null)
    {
        Heap = new GcHeap(options) { Roots = Roots };
    }

    public nint NewNode(nint left, nint right, int value)
    {
        nint n = Heap.AllocObject(Types.Node);
        Heap.StoreRef((nint*)(n + TestTypes.LeftOffset), left);
        Heap.StoreRef((nint*)(n + TestTypes.RightOffset), right);
        *(int*)(n + TestTypes.ValueOffset) = value;
        return n;
    }

    public static nint Left(nint n) => *(nint*)(n + TestTypes.LeftOffset);
    public static nint Right(nint n) => *(nint*)(n + TestTypes.RightOffset);
    public static int Value(nint n) => *(int*)(n + TestTypes.ValueOffset);

    /// <summary>
    /// A complete binary tree whose node values encode their path. Every allocation happens with the
    /// partial tree reachable from the root slots (a shadow stack in slots 128…), as the interpreter's
    /// frames would keep it: a collection may run at any allocation.
    /// </summary>
    public nint BuildTree(int depth, int value)
    {
        nint n = NewNode(0, 0, value);
        if (depth == 0)
            return n;
        int slot = _shadowTop++;
        Roots[slot] = n;
        nint left = BuildTree(depth - 1, 2 * value);
        Heap.StoreRef((nint*)(n + TestTypes.LeftOffset), left);
        nint right = BuildTree(depth - 1, 2 * value + 1);
        Heap.StoreRef((nint*)(n + TestTypes.RightOffset), right);
        Roots[slot] = 0;
        _shadowTop--;
        return n;
    }
    private int _shadowTop = 128;

    /// <summary>Checks a tree made by <see cref="BuildTree"/>; returns its node count.</summary>
    public int CheckTree(nint n, int depth, int value)
    {
        Assert.Equal((nint)Types.Node, *(nint*)n);   // a freed cell would read 0 here
        Assert.Equal(value, Value(n));
        if (depth == 0)
        {
            Assert.Equal(0, Left(n));
            Assert.Equal(0, Right(n));
            return 1;
        }
        return 1 + CheckTree(Left(n), depth - 1, 2 * value) + CheckTree(Right(n), depth - 1, 2 * value + 1);
    }

    public ref nint Interior(int i) => ref Roots.Interior(i);

    public bool IsLive(nint obj) => Heap.FindObject(obj) == obj;

    public static int Age(nint obj) => (int)((*(ulong*)(obj - 8) & (ulong)ObjectHeader.AgeMask) >> (int)ObjectHeader.AgeShift);

    public void Dispose()
    {
        Heap.Dispose();
        Roots.Dispose();
        Types.Dispose();
    }
}
