using System.Runtime.InteropServices;
using RuntimeLab.Runtime.Objects;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.Heap;

/// <summary>
/// The interpreter's view of the heap: allocation and the reference-store barrier. This first version
/// allocates from bump chunks and never collects; the generational collector (Gc/) replaces its
/// insides behind the same three calls.
/// </summary>
internal sealed unsafe class ManagedHeap : IDisposable
{
    private readonly List<nint> _chunks = [];
    private byte* _next;
    private byte* _end;
    private const int ChunkSize = 4 << 20;
    public long BytesAllocated { get; private set; }
    public long Limit { get; init; }

    public nint Allocate(MethodTable* mt, long bytes)
    {
        var size = (bytes + ObjectLayout.HeaderSize + 7) & ~7L;
        if (Limit > 0 && BytesAllocated + size > Limit)
            throw new ManagedRuntimeError(RuntimeErrorKind.OutOfMemory, "Insufficient memory to continue the execution of the program.");
        if (_next + size > _end)
        {
            var chunk = Math.Max(ChunkSize, size);
            var p = (byte*)NativeMemory.AllocZeroed((nuint)chunk);
            _chunks.Add((nint)p);
            _next = p;
            _end = p + chunk;
        }
        var obj = (nint)(_next + ObjectLayout.HeaderSize);
        _next += size;
        BytesAllocated += size;
        *(MethodTable**)obj = mt;
        return obj;
    }

    public void StoreReference(nint* slot, nint value) => *slot = value;

    public void NoteStructStore(nint destination, RuntimeType type) { }

    public void Dispose()
    {
        foreach (var c in _chunks) NativeMemory.Free((void*)c);
        _chunks.Clear();
    }
}
