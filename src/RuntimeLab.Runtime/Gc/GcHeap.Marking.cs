using System.Diagnostics;
using System.Runtime.CompilerServices;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.Gc;

/// <summary>
/// Marking: an explicit mark stack (no recursion, so a million-node list costs no host stack), and
/// the reference walk driven by the MethodTable (GcRefOffsets, arrays of references, arrays of
/// structs with references).
/// <para>
/// The stack holds edges, not objects: scanning an object pushes each non-null reference it holds
/// (last slot first) without reading the target; the target's header is read when the edge is
/// popped. So the walk is a left-to-right depth-first walk that touches each object right after the
/// one before it in allocation order for lists and recursively built trees — memory order, which is
/// what makes marking fast (pushing marked objects instead cost a cache and TLB miss per object).
/// </para>
/// <para>
/// Marking an object sets its mark bit and adds one to its age at once, so "will this object be old
/// after the collection?" can be read from its header while marking. That keeps the card invariant
/// — every slot of an old object that refers to a young object is on a dirty card — true without a
/// second pass: an edge out of an old-after-collection object carries its slot address, and if the
/// target stays young the slot's card is dirtied again.
/// </para>
/// </summary>
public sealed unsafe partial class GcHeap
{
    /// <summary>An edge to follow: the target, and the slot it was read from (tagged with 1) when that slot belongs to an old object; 0 otherwise.</summary>
    private struct MarkEntry
    {
        public nint Target;
        public nint OldSlot;
    }

    private MarkEntry[] _markStack = new MarkEntry[1024];
    private int _markCount;
    private bool _fullGc;
    // Per collection: bytes surviving their first collection, and bytes becoming old.
    private long _gcSurvived, _gcPromoted;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AgeOf(ulong header) => (int)((header & AgeBits) >> AgeShift);

    /// <summary>A root: to be marked unless it is old and this is a minor collection.</summary>
    internal void MarkRoot(nint obj)
    {
        Debug.Assert(_inGc, "Roots are reported only during a collection.");
        Debug.Assert(FindObject(obj) == obj, "A root slot must hold an object reference.");
        Push(obj, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(nint target, nint oldSlot)
    {
        if (_markCount == _markStack.Length)
            Array.Resize(ref _markStack, _markStack.Length * 2);
        ref MarkEntry e = ref _markStack[_markCount++];
        e.Target = target;
        e.OldSlot = oldSlot;
    }

    private void DrainMarkStack()
    {
        while (_markCount > 0)
        {
            MarkEntry e = _markStack[--_markCount];
            nint obj = e.Target;
            ulong* h = (ulong*)(obj - ObjectLayout.HeaderSize);
            ulong header = *h;
            if ((header & MarkBit) == 0)
            {
                int age = AgeOf(header);
                if (age >= _promotionAge && !_fullGc)
                    continue;   // old: a minor collection takes it as live without looking (and needs no card for it)
                int newAge = age < MaxAge ? age + 1 : MaxAge;
                header = (header & ~AgeBits) | MarkBit | ((ulong)newAge << AgeShift);
                *h = header;
                if (obj < _largeBase)
                    _blocks[(int)((obj - _base) >> BlockShift)].MarkedCells++;
                if (age < _promotionAge)
                    CountSurvivor(obj, age, newAge);
                if ((*(MethodTable**)obj)->ContainsReferences)
                    ScanObject(obj, obj, nint.MaxValue, newAge >= _promotionAge);
            }
            if (e.OldSlot != 0 && AgeOf(header) < _promotionAge)
                _cards[(nuint)((e.OldSlot & ~(nint)1) - _base) >> CardShift] = 1;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CountSurvivor(nint obj, int age, int newAge)
    {
        long bytes = HeapBytesOf(obj);
        if (age == 0)
            _gcSurvived += bytes;
        if (newAge >= _promotionAge)
            _gcPromoted += bytes;
    }

    /// <summary>Bytes the object occupies in the heap: its cell, or its pages.</summary>
    private long HeapBytesOf(nint obj)
    {
        if (obj < _largeBase)
            return _blocks[(int)((obj - _base) >> BlockShift)].CellSize;
        return (ObjectSize(obj) + _pageSize - 1) & ~(long)(_pageSize - 1);
    }

    /// <summary>
    /// Pushes the references of <paramref name="obj"/> held in slots within [lo, hi) (the whole object,
    /// or one card of it), last slot first so that the first is followed first.
    /// <paramref name="sourceOld"/>: the object is old after this collection, so its edges carry their slots.
    /// </summary>
    private void ScanObject(nint obj, nint lo, nint hi, bool sourceOld)
    {
        MethodTable* mt = *(MethodTable**)obj;
        nint tag = sourceOld ? 1 : 0;
        if ((mt->Flags & MethodTableFlags.ElementsAreReferences) != 0)
        {
            nint data = obj + DataOffset(mt);
            nint end = data + (nint)(*(int*)(obj + ObjectLayout.ArrayLengthOffset)) * 8;
            nint first = lo > data ? data + ((lo - data + 7) & ~7) : data;
            if (hi < end)
                end = hi;
            for (nint slot = end - 8; slot >= first; slot -= 8)
                PushSlot(slot, tag);
            return;
        }
        int* offsets = mt->GcRefOffsets;
        if (offsets == null)
            return;
        int count = offsets[0];
        if (!mt->HasComponents)
        {
            for (int k = count; k >= 1; k--)
            {
                nint slot = obj + offsets[k];
                if (slot >= lo && slot < hi)
                    PushSlot(slot, tag);
            }
            return;
        }
        // An array of structs: the element's offsets, repeated per element overlapping [lo, hi).
        int size = mt->ComponentSize;
        nint elems = obj + DataOffset(mt);
        long length = *(int*)(obj + ObjectLayout.ArrayLengthOffset);
        long i0 = lo > elems ? (lo - elems) / size : 0;
        long i1 = hi < elems + length * size ? (hi - elems + size - 1) / size : length;
        for (long i = i1 - 1; i >= i0; i--)
        {
            nint element = elems + (nint)(i * size);
            for (int k = count; k >= 1; k--)
            {
                nint slot = element + offsets[k];
                if (slot >= lo && slot < hi)
                    PushSlot(slot, tag);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PushSlot(nint slot, nint tag)
    {
        nint target = *(nint*)slot;
        if (target != 0)
            Push(target, tag != 0 ? slot | 1 : 0);
    }

    /// <summary>After marking: would this collection free <paramref name="obj"/>?</summary>
    internal bool IsDeadAfterMark(nint obj)
    {
        ulong header = *(ulong*)(obj - ObjectLayout.HeaderSize);
        return (header & MarkBit) == 0 && (_fullGc || AgeOf(header) < _promotionAge);
    }

    /// <summary>
    /// The minor collection's extra roots: old objects on dirty cards. Each dirty card is cleared and
    /// the slots on it are visited as old slots, which re-dirties it if a target stays young. Cards of
    /// young objects are skipped: those objects are traced if reachable. Runs before any marking, so
    /// "old" here means old before this collection.
    /// </summary>
    private void ScanDirtyCards()
    {
        var smallCards = new Span<byte>(_cards, _smallTop * CardsPerBlock);
        int i = 0;
        while (i < smallCards.Length)
        {
            int next = smallCards[i..].IndexOfAnyExcept((byte)0);
            if (next < 0)
                break;
            i += next;
            smallCards[i] = 0;
            ScanSmallCard(i);
            i++;
        }

        // Large objects: walk each old one's own cards (large objects are few; their cards are many).
        foreach (LargeObject lo in _large)
        {
            nint obj = lo.Object;
            if (AgeOf(*(ulong*)lo.Start) < _promotionAge || !(*(MethodTable**)obj)->ContainsReferences)
                continue;
            nint firstCard = (lo.Start - _base) >> CardShift;
            var cards = new Span<byte>(_cards + firstCard, (int)(lo.Bytes >> CardShift));
            int c = 0;
            while (c < cards.Length)
            {
                int next = cards[c..].IndexOfAnyExcept((byte)0);
                if (next < 0)
                    break;
                c += next;
                cards[c] = 0;
                nint cardStart = _base + ((firstCard + c) << CardShift);
                ScanObject(obj, cardStart, cardStart + CardSize, sourceOld: true);
                c++;
            }
        }
    }

    private void ScanSmallCard(int card)
    {
        int b = card / CardsPerBlock;
        ref BlockInfo block = ref _blocks[b];
        if (block.SizeClass < 0)
            return;
        nint start = BlockAddress(b);
        nint cardStart = _base + ((nint)card << CardShift);
        nint cardEnd = cardStart + CardSize;
        int cellSize = block.CellSize;
        nint end = block.Bump < cardEnd ? block.Bump : cardEnd;
        for (nint cell = start + (cardStart - start) / cellSize * cellSize; cell < end; cell += cellSize)
        {
            nint obj = cell + ObjectLayout.HeaderSize;
            MethodTable* mt = *(MethodTable**)obj;
            if (mt == null || AgeOf(*(ulong*)cell) < _promotionAge || !mt->ContainsReferences)
                continue;
            ScanObject(obj, cardStart, cardEnd, sourceOld: true);
        }
    }
}
