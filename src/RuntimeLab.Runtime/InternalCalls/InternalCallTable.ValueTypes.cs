using RuntimeLab.Runtime.Objects;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    private readonly Dictionary<RuntimeType, bool> _canCompareBits = [];

    /// <summary>ValueType.Equals and GetHashCode ask about the boxed struct's fields: whether its bytes can be
    /// compared directly (CoreCLR's CanCompareBits), and each field's value as an object for the field-by-field
    /// path, which the managed side then compares with Equals.</summary>
    private void RegisterValueTypes()
    {
        Add("System.Runtime.CompilerServices.TypeTraits`1::ComputeContainsReferences", (vm, a) =>
        {
            var t = vm.Types.Get(((Mono.Cecil.GenericInstanceType)vm.TypeOf((nint)a[0]).Reference).GenericArguments[0]);
            a[0] = t.IsReferenceType || t.ValueRefOffsets.Length > 0 || t.ValueByRefOffsets.Length > 0 ? 1 : 0;
        });
        Add("System.ValueType::SameType", (vm, a) => a[0] = vm.TypeOf((nint)a[0]) == vm.TypeOf((nint)a[1]) ? 1 : 0);
        Add("System.ValueType::CanCompareBits", (vm, a) => a[0] = CanCompareBits(vm.TypeOf((nint)a[0])) ? 1 : 0);
        Add("System.ValueType::BitsEqual", (vm, a) =>
        {
            var size = vm.TypeOf((nint)a[0]).ValueSize;
            a[0] = new ReadOnlySpan<byte>((void*)(a[0] + ObjectLayout.FirstFieldOffset), size)
                .SequenceEqual(new ReadOnlySpan<byte>((void*)(a[1] + ObjectLayout.FirstFieldOffset), size)) ? 1 : 0;
        });
        Add("System.ValueType::BitsHashCode", (vm, a) =>
        {
            var type = vm.TypeOf((nint)a[0]);
            var bytes = new ReadOnlySpan<byte>((void*)(a[0] + ObjectLayout.FirstFieldOffset), type.ValueSize);
            // Deterministic FNV-1a; CoreCLR's value is seeded per process, so no program can depend on it.
            var h = 2166136261u;
            foreach (var b in bytes) h = (h ^ b) * 16777619u;
            a[0] = (int)h;
        });
        Add("System.ValueType::FieldCount", (vm, a) => a[0] = vm.TypeOf((nint)a[0]).InstanceFields.Length);
        Add("System.ValueType::FieldValue", (vm, a) =>
        {
            var box = (nint)a[0];
            var field = vm.TypeOf(box).InstanceFields[(int)a[1]];
            var at = (byte*)(box + ObjectLayout.FirstFieldOffset + field.Offset);
            var type = field.FieldType;
            if (type.IsReferenceType) a[0] = *(nint*)at;
            else if (type.IsNullable) a[0] = vm.BoxNullable(type, at);
            else
            {
                // The source box stays alive across the allocation: it is this call's argument.
                var copy = vm.Allocate(type);
                Buffer.MemoryCopy(at, (void*)(copy + ObjectLayout.FirstFieldOffset), type.ValueSize, type.ValueSize);
                if (type.ValueRefOffsets.Length > 0) vm.Heap.NoteStructStore(copy + ObjectLayout.FirstFieldOffset, type);
                a[0] = copy;
            }
        });
    }

    /// <summary>CoreCLR compares a struct's bytes when it holds no references, no float or double (0.0 and -0.0,
    /// NaNs), no padding, and no field of a struct type that overrides Equals or GetHashCode.</summary>
    private bool CanCompareBits(RuntimeType type)
    {
        if (_canCompareBits.TryGetValue(type, out var known)) return known;
        var result = ComputeCanCompareBits(type);
        _canCompareBits[type] = result;
        return result;
    }

    private bool ComputeCanCompareBits(RuntimeType type)
    {
        if (type.ValueRefOffsets.Length > 0 || type.ValueByRefOffsets.Length > 0) return false;
        var packed = 0;
        foreach (var f in type.InstanceFields)
        {
            var ft = f.FieldType;
            var prim = ft.IsEnum ? ft.ElementType!.Primitive : ft.Primitive;
            if (prim is PrimitiveKind.Single or PrimitiveKind.Double) return false;
            if (prim == PrimitiveKind.None && !ft.IsPointerLike && (OverridesEqualityMember(ft) || !CanCompareBits(ft))) return false;
            packed += ft.ValueSize;
        }
        return packed == type.ValueSize;
    }

    private static bool OverridesEqualityMember(RuntimeType type) =>
        type.Definition?.Methods.Any(m => m.IsVirtual && !m.IsNewSlot &&
            (m.Name == "Equals" && m.Parameters.Count == 1 && m.Parameters[0].ParameterType.FullName == "System.Object"
             || m.Name == "GetHashCode" && m.Parameters.Count == 0)) == true;
}
