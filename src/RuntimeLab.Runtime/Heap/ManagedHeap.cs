using RuntimeLab.Runtime.Gc;
using RuntimeLab.Runtime.Objects;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Heap;

/// <summary>
/// The interpreter's view of the heap: allocation, and reference stores through the write barrier.
/// It turns the collector's out-of-memory into the managed OutOfMemoryException the program can catch.
/// </summary>
internal sealed unsafe class ManagedHeap(GcHeap gc) : IDisposable
{
    public GcHeap Gc { get; } = gc;

    public nint AllocObject(MethodTable* mt)
    {
        try { return Gc.AllocObject(mt); }
        catch (GcOutOfMemoryException) { throw OutOfMemory(); }
    }

    public nint AllocArray(MethodTable* mt, int length)
    {
        try { return Gc.AllocArray(mt, length); }
        catch (GcOutOfMemoryException) { throw OutOfMemory(); }
    }

    public nint AllocString(MethodTable* mt, int length)
    {
        try { return Gc.AllocString(mt, length); }
        catch (GcOutOfMemoryException) { throw OutOfMemory(); }
    }

    public nint AllocMdArray(MethodTable* mt, ReadOnlySpan<int> lengths)
    {
        try { return Gc.AllocMdArray(mt, lengths); }
        catch (GcOutOfMemoryException) { throw OutOfMemory(); }
    }

    private static ManagedRuntimeError OutOfMemory() =>
        new(RuntimeErrorKind.OutOfMemory, "Insufficient memory to continue the execution of the program.");

    public void StoreReference(nint* slot, nint value) => Gc.StoreRef(slot, value);

    /// <summary>A struct with references was copied into <paramref name="destination"/> (maybe in the heap).</summary>
    public void NoteStructStore(nint destination, RuntimeType type) => Gc.WriteBarrierRange(destination, type.ValueSize);

    public void Dispose() => Gc.Dispose();
}
