using System.Globalization;
using System.Runtime.InteropServices;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    /// <summary>Text leaves: Unicode tables, case mapping and linguistic comparison are the host's
    /// (ICU under the invariant culture, as CoreCLR uses here).</summary>
    private void RegisterStrings()
    {
        var inv = CultureInfo.InvariantCulture;
        Add("System.Char::HostCategory", (vm, a) => a[0] = (int)CharUnicodeInfo.GetUnicodeCategory((char)a[0]));
        Add("System.Char::HostIsWhiteSpace", (vm, a) => a[0] = char.IsWhiteSpace((char)a[0]) ? 1 : 0);
        Add("System.Char::HostChangeCase", (vm, a) => a[0] = a[1] != 0 ? char.ToUpperInvariant((char)a[0]) : char.ToLowerInvariant((char)a[0]));
        Add("System.Char::HostNumericValue", (vm, a) => *(double*)a = char.GetNumericValue((char)a[0]));
        Add("System.String::HostChangeCase", (vm, a) =>
        {
            var s = VirtualMachine.ReadString((nint)a[0]);
            var changed = a[1] != 0 ? s.ToUpperInvariant() : s.ToLowerInvariant();
            if (changed != s) a[0] = vm.NewString(changed); // unchanged: the same instance, as CoreCLR returns
        });
        Add("System.String::HostCompare", (vm, a) =>
            a[0] = string.Compare(VirtualMachine.ReadString((nint)a[0]), VirtualMachine.ReadString((nint)a[1]), (StringComparison)(int)a[2]));
        // Flags over the comparison: 0x100 StartsWith, 0x200 EndsWith (0 when true, else -1).
        Add("System.String::HostIndexOf", (vm, a) =>
        {
            var source = VirtualMachine.ReadString((nint)a[0]);
            var value = VirtualMachine.ReadString((nint)a[1]);
            int start = (int)a[2], count = (int)a[3], flags = (int)a[4];
            var comparison = (StringComparison)(flags & 0xFF);
            a[0] = (flags & 0x300) switch
            {
                0x100 => source.StartsWith(value, comparison) ? 0 : -1,
                0x200 => source.EndsWith(value, comparison) ? 0 : -1,
                _ => a[5] != 0 ? source.LastIndexOf(value, start, count, comparison) : source.IndexOf(value, start, count, comparison),
            };
        });

        Add("System.Runtime.CompilerServices.Unsafe::As", (vm, a) => { });
        Add("System.Runtime.CompilerServices.Unsafe::AsRef", (vm, a) => { });
        Add("System.Runtime.CompilerServices.Unsafe::AreSame", (vm, a) => a[0] = a[0] == a[1] ? 1 : 0);
    }

    private readonly Dictionary<long, nint> _constantData = [];

    /// <summary>ReadOnlySpan&lt;T&gt; RuntimeHelpers.CreateSpan&lt;T&gt;(RuntimeFieldHandle): the blob
    /// is copied once to native memory that never moves or dies, and the span points there.</summary>
    private InternalCall BindCreateSpan(TypeSystem.RuntimeMethod method)
    {
        var elementSize = method.MethodArguments[0].ValueSize;
        return new InternalCall("RuntimeHelpers.CreateSpan", (vm, a) =>
        {
            var handle = a[0];
            var data = vm.FieldOfHandle(handle).Definition.InitialValue;
            if (!_constantData.TryGetValue(handle, out var copy))
            {
                copy = (nint)NativeMemory.Alloc((nuint)Math.Max(data.Length, 1));
                data.CopyTo(new Span<byte>((void*)copy, data.Length));
                _constantData[handle] = copy;
            }
            a[0] = copy;
            a[1] = data.Length / elementSize;
        });
    }
}
