using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.Gc;

/// <summary>One object of the large-object space: whole pages at <see cref="Start"/>, the object 8 bytes in.</summary>
internal sealed class LargeObject(nint start, nint bytes)
{
    public readonly nint Start = start;
    public readonly nint Bytes = bytes;
    public nint Object => Start + ObjectLayout.HeaderSize;
}

public sealed unsafe partial class GcHeap
{
    /// <summary>All large objects, sorted by address (binary search for interior pointers).</summary>
    private List<LargeObject> _large = [];
    /// <summary>Large objects not yet old: minor collections sweep only these.</summary>
    private List<LargeObject> _youngLarge = [];
    /// <summary>Free page ranges below <see cref="_largeTop"/>, sorted and coalesced.</summary>
    private readonly List<(nint Start, nint Bytes)> _largeFree = [];
    private nint _largeTop;
    private long _largeBytes;

    private nint AllocLarge(nuint size, MethodTable* mt)
    {
        ThrowIfDisposed();
        CollectIfDue();
        nint bytes = (nint)((size + (nuint)_pageSize - 1) & ~(nuint)(_pageSize - 1));
        for (int attempt = 0; ; attempt++)
        {
            nint start = WithinLimit(bytes) ? TakeLargeRange(bytes) : 0;
            if (start != 0)
            {
                // Fresh or decommitted pages read as zero, so the object is zeroed already.
                VirtualMemory.Commit(start, (nuint)bytes);
                var lo = new LargeObject(start, bytes);
                _large.Insert(LargeIndexAtOrBefore(start) + 1, lo);
                _youngLarge.Add(lo);
                _largeBytes += bytes;
                _largeAllocatedBytes += bytes;
                UpdatePeak();
                nint obj = lo.Object;
                *(MethodTable**)obj = mt;
                return obj;
            }
            if (attempt > 0)
                throw new GcOutOfMemoryException((long)size, HeapSize, HeapLimit);
            Collect(GcKind.Full, "limit");
        }
    }

    /// <summary>First fit among the free ranges, else above the top; 0 if the large space is full.</summary>
    private nint TakeLargeRange(nint bytes)
    {
        for (int i = 0; i < _largeFree.Count; i++)
        {
            var (start, size) = _largeFree[i];
            if (size < bytes)
                continue;
            if (size == bytes)
                _largeFree.RemoveAt(i);
            else
                _largeFree[i] = (start + bytes, size - bytes);
            return start;
        }
        nint top = _largeTop == 0 ? _largeBase : _largeTop;
        if ((nuint)(top - _base) + (nuint)bytes > _reserved)
            return 0;
        _largeTop = top + bytes;
        return top;
    }

    /// <summary>Frees a dead large object: pages back to the OS, its cards cleared, its range free.</summary>
    private void FreeLarge(LargeObject lo)
    {
        VirtualMemory.Decommit(lo.Start, (nuint)lo.Bytes);
        new Span<byte>(_cards + ((lo.Start - _base) >> CardShift), (int)(lo.Bytes >> CardShift)).Clear();
        _largeBytes -= lo.Bytes;

        nint start = lo.Start, bytes = lo.Bytes;
        int i = 0;
        while (i < _largeFree.Count && _largeFree[i].Start < start)
            i++;
        if (i > 0 && _largeFree[i - 1].Start + _largeFree[i - 1].Bytes == start)
        {
            i--;
            start = _largeFree[i].Start;
            bytes += _largeFree[i].Bytes;
            _largeFree.RemoveAt(i);
        }
        if (i < _largeFree.Count && start + bytes == _largeFree[i].Start)
        {
            bytes += _largeFree[i].Bytes;
            _largeFree.RemoveAt(i);
        }
        if (start + bytes == _largeTop)
            _largeTop = start;   // the space shrinks, and with it the cards a minor collection scans
        else
            _largeFree.Insert(i, (start, bytes));
    }

    /// <summary>Index of the last large object starting at or before <paramref name="address"/>, or −1.</summary>
    private int LargeIndexAtOrBefore(nint address)
    {
        int lo = 0, hi = _large.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_large[mid].Start <= address)
            {
                found = mid;
                lo = mid + 1;
            }
            else
                hi = mid - 1;
        }
        return found;
    }

    private nint FindLargeObject(nint address)
    {
        int i = LargeIndexAtOrBefore(address);
        if (i < 0)
            return 0;
        LargeObject lo = _large[i];
        return address < lo.Start + lo.Bytes ? lo.Object : 0;
    }
}
