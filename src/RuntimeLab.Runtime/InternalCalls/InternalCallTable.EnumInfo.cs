using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    private readonly Dictionary<RuntimeType, (string[] Names, ulong[] Values)> _enumInfo = [];

    /// <summary>An enum's names and values from its literal fields, ordered as CoreCLR's EnumInfo orders
    /// them: by the value's unsigned bits (so negative values come last), declaration order among equals.</summary>
    private (string[] Names, ulong[] Values) EnumInfo(RuntimeType type)
    {
        if (_enumInfo.TryGetValue(type, out var info)) return info;
        var size = type.ElementType!.ValueSize;
        var fields = type.Definition!.Fields.Where(f => f.IsStatic && f.IsLiteral && f.Constant is not null)
            .Select(f => (f.Name, Value: ToBits(f.Constant, size))).OrderBy(f => f.Value).ToArray();
        return _enumInfo[type] = (fields.Select(f => f.Name).ToArray(), fields.Select(f => f.Value).ToArray());
    }

    /// <summary>The enum members the base library writes in C# (Parse, GetValues, IsDefined, CompareTo …) read
    /// the metadata through these: bits are the value zero-extended from the underlying size.</summary>
    private void RegisterEnumInfo()
    {
        Add("System.Enum::HostFieldCount", (vm, a) => a[0] = EnumInfo(vm.TypeOfTypeObject((nint)a[0])).Names.Length);
        Add("System.Enum::HostFieldName", (vm, a) => a[0] = vm.NewString(EnumInfo(vm.TypeOfTypeObject((nint)a[0])).Names[(int)a[1]]));
        Add("System.Enum::HostFieldValue", (vm, a) => a[0] = (long)EnumInfo(vm.TypeOfTypeObject((nint)a[0])).Values[(int)a[1]]);
        Add("System.Enum::HostUnderlyingType", (vm, a) => a[0] = vm.TypeObjectOf(vm.TypeOfTypeObject((nint)a[0]).ElementType!));
        Add("System.Enum::HostIsSigned", (vm, a) => a[0] = vm.TypeOfTypeObject((nint)a[0]).ElementType!.Primitive
            is PrimitiveKind.SByte or PrimitiveKind.Int16 or PrimitiveKind.Int32 or PrimitiveKind.Int64 ? 1 : 0);
        Add("System.Enum::HostGetBits", (vm, a) =>
        {
            var box = (nint)a[0];
            var data = (byte*)(box + 8);
            a[0] = vm.TypeOf(box).ValueSize switch { 1 => *data, 2 => *(ushort*)data, 4 => *(uint*)data, _ => *(long*)data };
        });
        Add("System.Enum::HostBox", (vm, a) =>
        {
            var type = vm.TypeOfTypeObject((nint)a[0]);
            var bits = (ulong)a[1];
            var box = vm.Allocate(type);
            var data = (byte*)(box + 8);
            switch (type.ValueSize)
            {
                case 1: *data = (byte)bits; break;
                case 2: *(ushort*)data = (ushort)bits; break;
                case 4: *(uint*)data = (uint)bits; break;
                default: *(ulong*)data = bits; break;
            }
            a[0] = box;
        });
    }
}
