using System.Globalization;
using RuntimeLab.Runtime.TypeSystem;

namespace RuntimeLab.Runtime.InternalCalls;

internal sealed unsafe partial class InternalCallTable
{
    /// <summary>Enum.ToString: names and values from the enum's literal fields, CoreCLR's rules for
    /// "G" (a name, a [Flags] combination, or the number), "D", "X" and "F".</summary>
    private void RegisterEnums()
    {
        Add("System.Enum::HostFormat", (vm, a) =>
        {
            var box = (nint)a[0];
            var type = vm.TypeOf(box);
            var format = NullableString((nint)a[1]) ?? "G";
            var underlying = type.ElementType!;
            var data = (byte*)(box + 8);
            var signed = underlying.Primitive is PrimitiveKind.SByte or PrimitiveKind.Int16 or PrimitiveKind.Int32 or PrimitiveKind.Int64;
            ulong bits = underlying.ValueSize switch
            {
                1 => signed ? (ulong)*(sbyte*)data : *data,
                2 => signed ? (ulong)*(short*)data : *(ushort*)data,
                4 => signed ? (ulong)*(int*)data : *(uint*)data,
                _ => *(ulong*)data,
            };
            var number = signed ? ((long)bits).ToString(CultureInfo.InvariantCulture) : bits.ToString(CultureInfo.InvariantCulture);
            var fields = type.Definition!.Fields.Where(f => f.IsStatic && f.IsLiteral && f.Constant is not null)
                .Select(f => (f.Name, Value: ToBits(f.Constant, underlying.ValueSize))).ToList();
            var isFlags = type.Definition.CustomAttributes.Any(c => c.AttributeType.FullName == "System.FlagsAttribute");
            string result = char.ToUpperInvariant(format[0]) switch
            {
                'D' => number,
                'X' => (underlying.ValueSize switch { 1 => ((byte)bits).ToString("X2"), 2 => ((ushort)bits).ToString("X4"), 4 => ((uint)bits).ToString("X8"), _ => bits.ToString("X16") }),
                'F' => FormatFlags(fields, bits) ?? number,
                _ => fields.FirstOrDefault(f => f.Value == bits).Name ?? (isFlags ? FormatFlags(fields, bits) : null) ?? number,
            };
            a[0] = vm.NewString(result);
        });
    }

    private static ulong ToBits(object constant, int size)
    {
        var v = constant switch
        {
            sbyte s => (ulong)s, byte b => b, short s => (ulong)s, ushort u => u, int i => (ulong)i, uint u => u,
            long l => (ulong)l, ulong u => u, char c => c, bool b => b ? 1UL : 0UL, _ => 0UL,
        };
        return size switch { 1 => v & 0xFF, 2 => v & 0xFFFF, 4 => v & 0xFFFFFFFF, _ => v };
    }

    /// <summary>"A, B" for a combination of flags, or null when some bits have no name.</summary>
    private static string? FormatFlags(List<(string Name, ulong Value)> fields, ulong bits)
    {
        if (bits == 0) return fields.FirstOrDefault(f => f.Value == 0).Name;
        var exact = fields.FirstOrDefault(f => f.Value == bits);
        if (exact.Name is not null) return exact.Name;
        var names = new List<string>();
        var remaining = bits;
        foreach (var f in fields.Where(f => f.Value != 0).OrderByDescending(f => f.Value))
        {
            if ((remaining & f.Value) != f.Value) continue;
            remaining &= ~f.Value;
            names.Add(f.Name);
            if (remaining == 0) break;
        }
        if (remaining != 0) return null;
        names.Reverse();
        return string.Join(", ", names);
    }
}
