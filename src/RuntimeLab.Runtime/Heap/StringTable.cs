namespace RuntimeLab.Runtime.Heap;

/// <summary>Interned string literals: one heap string per distinct literal, alive for the whole run.</summary>
internal sealed class StringTable(VirtualMachine vm)
{
    private readonly Dictionary<string, nint> _interned = new(StringComparer.Ordinal);

    public IEnumerable<nint> All => _interned.Values;

    public nint Intern(string value)
    {
        if (!_interned.TryGetValue(value, out var s))
            _interned[value] = s = vm.NewString(value);
        return s;
    }
}
