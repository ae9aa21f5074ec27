using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.Gc;

public sealed unsafe partial class GcHeap
{
    /// <summary>Bytes handed out since the heap was made (cell sizes for small objects, page-rounded for large).</summary>
    private long AllocatedBytes
    {
        get
        {
            var total = _largeAllocatedBytes;
            for (var i = 0; i < SizeClasses.Count; i++) total += _contexts[i].Allocated;
            return total;
        }
    }
    private long _largeAllocatedBytes;

    /// <summary>
    /// What compiled code needs to allocate an instance of <paramref name="mt"/> inline, as
    /// <see cref="Alloc"/>'s fast path does: the size class's context (its fields at the
    /// <see cref="AllocContext"/> offsets). Null for a large object or under GC stress, which must take
    /// the slow path every time.
    /// </summary>
    /// <summary>
    /// The allocation contexts, one per size class, for compiled code that allocates arrays inline
    /// (their size class depends on the length, so it is looked up at run time); null under GC stress.
    /// </summary>
    internal AllocContext* ArrayFastPath => _gcStress > 0 ? null : _contexts;

    internal AllocContext* SmallObjectFastPath(MethodTable* mt)
    {
        if (mt->HasComponents || _gcStress > 0) return null;
        var size = (nuint)(ObjectLayout.HeaderSize + mt->BaseSize + 7) & ~(nuint)7;
        if (size > SizeClasses.MaxSmallSize) return null;
        return _contexts + SizeClasses.ClassOfGranule[(int)(size >> 3)];
    }
    private long _allocatedAtLastGc;
    private long _stressAllocations;

    /// <summary>A zeroed instance of a non-array, non-string type, its MethodTable word set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public nint AllocObject(MethodTable* mt)
    {
        Debug.Assert(!mt->HasComponents);
        return Alloc((nuint)(ObjectLayout.HeaderSize + mt->BaseSize + 7) & ~(nuint)7, mt);
    }

    /// <summary>A zeroed SZ array of <paramref name="length"/> elements (length ≥ 0: the caller throws for negatives).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public nint AllocArray(MethodTable* mt, int length)
    {
        Debug.Assert(length >= 0 && mt->HasComponents && (mt->Flags & MethodTableFlags.MultiDimArray) == 0);
        nuint size = (nuint)(ObjectLayout.HeaderSize + mt->BaseSize) + (nuint)(uint)length * mt->ComponentSize + 7 & ~(nuint)7;
        nint obj = Alloc(size, mt);
        *(int*)(obj + ObjectLayout.ArrayLengthOffset) = length;
        return obj;
    }

    /// <summary>A string of <paramref name="length"/> UTF-16 units, all zero (so NUL-terminated).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public nint AllocString(MethodTable* mt, int length)
    {
        Debug.Assert(length >= 0 && (mt->Flags & MethodTableFlags.String) != 0);
        nuint size = (nuint)(ObjectLayout.HeaderSize + mt->BaseSize) + (nuint)(uint)length * 2 + 7 & ~(nuint)7;
        nint obj = Alloc(size, mt);
        *(int*)(obj + ObjectLayout.StringLengthOffset) = length;
        return obj;
    }

    /// <summary>
    /// A multi-dimensional array: the length word holds the total element count, followed by the
    /// per-dimension lengths and (zero) lower bounds.
    /// </summary>
    public nint AllocMdArray(MethodTable* mt, ReadOnlySpan<int> lengths)
    {
        Debug.Assert((mt->Flags & MethodTableFlags.MultiDimArray) != 0 && lengths.Length == mt->Rank);
        ulong total = 1;
        foreach (int n in lengths)
        {
            Debug.Assert(n >= 0);
            total *= (uint)n;
            if (total > int.MaxValue)
                throw new GcOutOfMemoryException(long.MaxValue, HeapSize, HeapLimit);
        }
        ulong size = ObjectLayout.HeaderSize + FixedSize(mt) + total * mt->ComponentSize + 7 & ~7UL;
        nint obj = Alloc((nuint)size, mt);
        *(int*)(obj + ObjectLayout.ArrayLengthOffset) = (int)total;
        int* dims = (int*)(obj + ObjectLayout.SzArrayDataOffset);
        for (int i = 0; i < lengths.Length; i++)
            dims[i] = lengths[i];   // lower bounds at dims[rank + i] stay 0
        return obj;
    }

    /// <summary>
    /// The fast path: pop the current block's free list or bump within it. Free cells are zero except
    /// the header word, so only the header and MethodTable words are written. Everything else —
    /// a new block, a collection, stress mode, large objects — is in <see cref="AllocSlow"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private nint Alloc(nuint size, MethodTable* mt)
    {
        if (size <= SizeClasses.MaxSmallSize)
        {
            int sizeClass = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(SizeClasses.ClassOfGranule), (nint)(size >> 3));
            AllocContext* c = _contexts + sizeClass;
            nint cell = c->FreeList;
            if (cell != 0)
                c->FreeList = *(nint*)cell;
            else
            {
                cell = c->Bump;
                if (cell >= c->BumpEnd)
                    return AllocSlow(sizeClass, mt);
                c->Bump = cell + c->CellSize;
            }
            *(ulong*)cell = 0;
            *(MethodTable**)(cell + ObjectLayout.HeaderSize) = mt;
            c->Allocated += c->CellSize;
            return cell + ObjectLayout.HeaderSize;
        }
        return AllocLarge(size, mt);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private nint AllocSlow(int sizeClass, MethodTable* mt)
    {
        ThrowIfDisposed();
        CollectIfDue();
        RetireContext(sizeClass);   // the block is exhausted (or a collection already retired it)
        RefillContext(sizeClass);

        AllocContext* c = _contexts + sizeClass;
        nint cell = c->FreeList;
        if (cell != 0)
            c->FreeList = *(nint*)cell;
        else
        {
            cell = c->Bump;
            Debug.Assert(cell < c->BumpEnd);
            c->Bump = cell + c->CellSize;
        }
        *(ulong*)cell = 0;
        *(MethodTable**)(cell + ObjectLayout.HeaderSize) = mt;
        c->Allocated += c->CellSize;
        if (_gcStress > 0)
            RetireContext(sizeClass);   // keep every allocation on the slow path
        return cell + ObjectLayout.HeaderSize;
    }

    /// <summary>Runs the collection the policy asks for at an allocation, if any.</summary>
    private void CollectIfDue()
    {
        if (_gcStress > 0)
        {
            Collect(++_stressAllocations % _gcStress == 0 ? GcKind.Full : GcKind.Minor, "stress");
            return;
        }
        if (AllocatedBytes - _allocatedAtLastGc >= _nurseryBytes)
            Collect(HeapSize >= _nextFullThreshold ? GcKind.Full : GcKind.Minor, "budget");
    }
}
