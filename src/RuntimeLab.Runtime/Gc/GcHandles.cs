namespace RuntimeLab.Runtime.Gc;

public enum GcHandleType : byte
{
    /// <summary>Does not keep its target alive; reads 0 once the target is collected.</summary>
    Weak = 1,
    /// <summary>Keeps its target alive.</summary>
    Strong = 2,
    /// <summary>Keeps its target alive at a fixed address. Objects never move here, so this is Strong with a name that says why.</summary>
    Pinned = 3,
}

/// <summary>A handle to a heap object owned by the runtime. 0 is "no handle".</summary>
public readonly record struct GcHandle(int Index)
{
    public bool IsAllocated => Index != 0;
}

/// <summary>
/// Runtime-owned references: interned string literals, in-flight exception objects, WeakReference
/// targets. A table with a free list; the heap reports strong and pinned entries as roots and clears
/// weak entries whose targets die.
/// </summary>
public sealed class GcHandles
{
    // Index 0 is never handed out, so default(GcHandle) is "none".
    private nint[] _targets = new nint[16];
    private GcHandleType[] _types = new GcHandleType[16];
    // The object a weak handle belongs to (a WeakReference), or 0. Program objects have no finalizers
    // here, so the collector frees such a handle itself once its owner is found dead.
    private nint[] _owners = new nint[16];
    private readonly Stack<int> _free = new();
    private int _top = 1;

    public int Count => _top - 1 - _free.Count;

    /// <summary>A weak handle that lives as long as <paramref name="owner"/> does.</summary>
    public GcHandle AllocWeakOwnedBy(nint owner, nint target)
    {
        var handle = Alloc(target, GcHandleType.Weak);
        _owners[handle.Index] = owner;
        return handle;
    }

    public GcHandle Alloc(nint target, GcHandleType type = GcHandleType.Strong)
    {
        if (type is < GcHandleType.Weak or > GcHandleType.Pinned)
            throw new ArgumentOutOfRangeException(nameof(type));
        if (!_free.TryPop(out int index))
        {
            if (_top == _targets.Length)
            {
                Array.Resize(ref _targets, _targets.Length * 2);
                Array.Resize(ref _types, _types.Length * 2);
                Array.Resize(ref _owners, _owners.Length * 2);
            }
            index = _top++;
        }
        _targets[index] = target;
        _types[index] = type;
        return new GcHandle(index);
    }

    public void Free(GcHandle handle)
    {
        Check(handle);
        _targets[handle.Index] = 0;
        _types[handle.Index] = 0;
        _owners[handle.Index] = 0;
        _free.Push(handle.Index);
    }

    public nint this[GcHandle handle]
    {
        get { Check(handle); return _targets[handle.Index]; }
        set { Check(handle); _targets[handle.Index] = value; }
    }

    public GcHandleType TypeOf(GcHandle handle)
    {
        Check(handle);
        return _types[handle.Index];
    }

    private void Check(GcHandle handle)
    {
        if ((uint)handle.Index >= (uint)_top || _types[handle.Index] == 0)
            throw new ArgumentException("Not an allocated GC handle.", nameof(handle));
    }

    internal void ReportStrong(GcHeap heap)
    {
        for (int i = 1; i < _top; i++)
            if (_types[i] >= GcHandleType.Strong && _targets[i] != 0)
                heap.MarkRoot(_targets[i]);
    }

    /// <summary>After marking: a weak target that this collection found dead is cleared, and a weak
    /// handle whose owner died is freed.</summary>
    internal void ClearDeadWeak(GcHeap heap)
    {
        for (int i = 1; i < _top; i++)
        {
            if (_types[i] != GcHandleType.Weak)
                continue;
            if (_owners[i] != 0 && heap.IsDeadAfterMark(_owners[i]))
                Free(new GcHandle(i));
            else if (_targets[i] != 0 && heap.IsDeadAfterMark(_targets[i]))
                _targets[i] = 0;
        }
    }
}
