namespace RuntimeLab.Runtime.Gc;

/// <summary>
/// What an <see cref="IGcRootProvider"/> reports roots to, valid only during the collection that
/// handed it out. Slots are passed by address (not by value) so that the contract survives a future
/// moving collector; this one never moves objects and only reads them.
/// </summary>
public sealed unsafe class GcRootReporter
{
    private readonly GcHeap _heap;

    internal GcRootReporter(GcHeap heap) => _heap = heap;

    /// <summary>A slot that holds an object reference or 0.</summary>
    public void Object(nint* slot)
    {
        nint value = *slot;
        if (value != 0)
            _heap.MarkRoot(value);
    }

    /// <summary><paramref name="count"/> consecutive reference slots (a statics block, a frame's locals).</summary>
    public void Objects(nint* slots, int count)
    {
        for (int i = 0; i < count; i++)
            if (slots[i] != 0)
                _heap.MarkRoot(slots[i]);
    }

    /// <summary>
    /// A managed pointer (byref): it may point inside a heap object — which is then kept alive — or at
    /// stack, static or native memory, which is ignored.
    /// </summary>
    public void Interior(nint* slot)
    {
        nint obj = _heap.FindObject(*slot);
        if (obj != 0)
            _heap.MarkRoot(obj);
    }
}
