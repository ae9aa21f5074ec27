using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.Gc;

/// <summary>
/// A heap walk that checks the collector's invariants; for tests and for a future <c>--gc-verify</c>.
/// It re-derives the reference slots on its own (simply, slowly) rather than reuse the marker's walk.
/// </summary>
public sealed unsafe partial class GcHeap
{
    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> unless: no object is marked outside a collection;
    /// every reference in an object points at an allocated object; every slot of an old object that
    /// refers to a young object is on a dirty card; free cells have no MethodTable.
    /// </summary>
    public void Verify()
    {
        ThrowIfDisposed();
        for (int b = 0; b < _smallTop; b++)
        {
            ref BlockInfo block = ref _blocks[b];
            if (block.SizeClass < 0)
                continue;
            AllocContext* c = _contexts + block.SizeClass;
            nint bump = block.IsCurrent ? c->Bump : block.Bump;
            for (nint free = block.IsCurrent ? c->FreeList : block.FreeList; free != 0; free = *(nint*)free)
                if (*(nint*)(free + ObjectLayout.HeaderSize) != 0 || free >= bump || free < BlockAddress(b))
                    throw new InvalidOperationException($"Bad free cell {free:x} in block {b}.");
            for (nint cell = BlockAddress(b); cell < bump; cell += block.CellSize)
                if (*(nint*)(cell + ObjectLayout.HeaderSize) != 0)
                {
                    nint obj = cell + ObjectLayout.HeaderSize;
                    if (ObjectSize(obj) > block.CellSize)
                        throw new InvalidOperationException($"Object {obj:x} overflows its {block.CellSize}-byte cell.");
                    VerifyObject(obj);
                }
        }
        foreach (LargeObject lo in _large)
            VerifyObject(lo.Object);
    }

    private void VerifyObject(nint obj)
    {
        ulong header = *(ulong*)(obj - ObjectLayout.HeaderSize);
        if ((header & MarkBit) != 0)
            throw new InvalidOperationException($"Object {obj:x} is marked outside a collection.");
        bool old = AgeOf(header) >= _promotionAge;
        MethodTable* mt = *(MethodTable**)obj;
        int length = mt->HasComponents ? *(int*)(obj + ObjectLayout.ArrayLengthOffset) : 0;
        if ((mt->Flags & MethodTableFlags.ElementsAreReferences) != 0)
        {
            for (int i = 0; i < length; i++)
                VerifySlot(obj, (nint*)(obj + DataOffset(mt)) + i, old);
        }
        else if (mt->GcRefOffsets != null)
        {
            int elements = mt->HasComponents ? length : 1;
            nint first = mt->HasComponents ? obj + DataOffset(mt) : obj;
            for (int i = 0; i < elements; i++)
                for (int k = 1; k <= mt->GcRefOffsets[0]; k++)
                    VerifySlot(obj, (nint*)(first + (nint)i * mt->ComponentSize + mt->GcRefOffsets[k]), old);
        }
    }

    private void VerifySlot(nint obj, nint* slot, bool sourceOld)
    {
        nint target = *slot;
        if (target == 0)
            return;
        if (FindObject(target) != target)
            throw new InvalidOperationException($"Object {obj:x} refers at {(nint)slot:x} to {target:x}, which is no object.");
        if (sourceOld && AgeOf(*(ulong*)(target - ObjectLayout.HeaderSize)) < _promotionAge && !IsCardDirty((nint)slot))
            throw new InvalidOperationException($"Old object {obj:x} refers at {(nint)slot:x} to young {target:x}, but the card is clean.");
    }
}
