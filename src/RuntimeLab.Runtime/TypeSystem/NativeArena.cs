using System.Runtime.InteropServices;

namespace RuntimeLab.Runtime.TypeSystem;

/// <summary>Native memory that lives as long as the VM: method tables, GC descriptors, statics.
/// Never freed one by one; all of it goes when the VM is disposed.</summary>
internal sealed unsafe class NativeArena : IDisposable
{
    private readonly List<nint> _blocks = [];

    public void* AllocZeroed(nuint bytes)
    {
        var p = NativeMemory.AlignedAlloc(Math.Max(bytes, 8), 16);
        NativeMemory.Clear(p, bytes);
        _blocks.Add((nint)p);
        return p;
    }

    public int* IntArray(IReadOnlyList<int> values)
    {
        var p = (int*)AllocZeroed((nuint)(4 * (values.Count + 1)));
        p[0] = values.Count;
        for (var i = 0; i < values.Count; i++) p[i + 1] = values[i];
        return p;
    }

    public void Dispose()
    {
        foreach (var b in _blocks) NativeMemory.AlignedFree((void*)b);
        _blocks.Clear();
    }
}
