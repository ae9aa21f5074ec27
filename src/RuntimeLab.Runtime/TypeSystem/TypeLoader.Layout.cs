using Mono.Cecil;
using RuntimeLab.Runtime.Objects;

namespace RuntimeLab.Runtime.TypeSystem;

/// <summary>Field layout and method tables. Fields go in declaration order, each aligned to its own
/// size (explicit layouts take their offsets from metadata); see <see cref="ObjectLayout"/>.</summary>
public sealed unsafe partial class TypeLoader
{
    private static (int Size, int Align) PrimitiveSize(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.Boolean or PrimitiveKind.SByte or PrimitiveKind.Byte => (1, 1),
        PrimitiveKind.Char or PrimitiveKind.Int16 or PrimitiveKind.UInt16 => (2, 2),
        PrimitiveKind.Int32 or PrimitiveKind.UInt32 or PrimitiveKind.Single => (4, 4),
        _ => (8, 8),
    };

    private static int Align(int value, int alignment) => (value + alignment - 1) & ~(alignment - 1);

    private void LayOutInstance(RuntimeType type)
    {
        var def = type.Definition!;
        if (type.Primitive != PrimitiveKind.None)
        {
            (type.ValueSize, type.ValueAlignment) = PrimitiveSize(type.Primitive);
            BuildMethodTable(type, baseSize: ObjectLayout.FirstFieldOffset + type.ValueSize, refOffsets: []);
            return;
        }
        // Classes continue their base's layout; structs start at 0 (boxed, they start at 8).
        var start = type.IsValueType ? 0 : (type.BaseType is null ? ObjectLayout.FirstFieldOffset : (int)type.BaseType.MethodTable->BaseSize);
        var refs = new List<int>();
        var byrefs = new List<int>();
        if (!type.IsValueType && type.BaseType is not null)
            refs.AddRange(InheritedRefOffsets(type.BaseType));
        var fields = new List<RuntimeField>();
        var offset = start;
        var maxAlign = 1;
        var explicitLayout = def.IsExplicitLayout;
        var inlineArrayLength = InlineArrayLength(def);
        foreach (var f in def.Fields)
        {
            if (f.IsStatic) continue;
            var fieldType = Get(type.Context.Close(f.FieldType));
            var size = fieldType.ValueSize;
            var align = Math.Min(fieldType.ValueAlignment, def.PackingSize > 0 ? def.PackingSize : 8);
            var at = explicitLayout ? start + f.Offset : Align(offset, align);
            fields.Add(new RuntimeField(f, type, fieldType, at));
            var copies = inlineArrayLength ?? 1;
            for (var copy = 0; copy < copies; copy++)
                NoteReferences(fieldType, at + copy * size, refs, byrefs);
            offset = Math.Max(offset, at + size * copies);
            maxAlign = Math.Max(maxAlign, align);
        }
        type.InstanceFields = fields.ToArray();
        if (type.IsValueType)
        {
            var size = Math.Max(offset, 1);
            if (def.ClassSize > 0) size = Math.Max(size, def.ClassSize);
            type.ValueAlignment = maxAlign;
            type.ValueSize = Align(size, maxAlign);
            type.ValueRefOffsets = refs.ToArray();
            type.ValueByRefOffsets = byrefs.ToArray();
            BuildMethodTable(type, ObjectLayout.FirstFieldOffset + type.ValueSize, refs.Select(r => r + ObjectLayout.FirstFieldOffset).ToArray());
        }
        else
        {
            type.ValueSize = type.ValueAlignment = 8;
            // The string's fixed part includes its terminating NUL (ObjectLayout.StringBaseSize).
            var baseSize = type == String || (String is null && def.FullName == "System.String") ? ObjectLayout.StringBaseSize : offset;
            BuildMethodTable(type, baseSize, refs.ToArray());
        }
    }

    private static int? InlineArrayLength(TypeDefinition def)
    {
        var attr = def.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.InlineArrayAttribute");
        return attr is null ? null : (int)attr.ConstructorArguments[0].Value;
    }

    private static int[] InheritedRefOffsets(RuntimeType baseType)
    {
        var p = baseType.MethodTable->GcRefOffsets;
        if (p == null) return [];
        var offsets = new int[p[0]];
        for (var i = 0; i < offsets.Length; i++) offsets[i] = p[i + 1];
        return offsets;
    }

    private static void NoteReferences(RuntimeType fieldType, int at, List<int> refs, List<int> byrefs)
    {
        if (fieldType.IsReferenceType) refs.Add(at);
        else if (fieldType.Reference is ByReferenceType) byrefs.Add(at);
        else if (fieldType.IsValueType)
        {
            foreach (var r in fieldType.ValueRefOffsets) refs.Add(at + r);
            foreach (var r in fieldType.ValueByRefOffsets) byrefs.Add(at + r);
        }
    }

    private void LayOutArray(RuntimeType type)
    {
        var element = type.ElementType!;
        type.ValueSize = type.ValueAlignment = 8;
        var mt = NewMethodTable(type);
        mt->Flags |= MethodTableFlags.Array;
        mt->Rank = (ushort)type.Rank;
        if (!((ArrayType)type.Reference).IsVector) mt->Flags |= MethodTableFlags.MultiDimArray;
        mt->BaseSize = (uint)(type.IsSzArray ? ObjectLayout.SzArrayDataOffset : ObjectLayout.MdArrayDataOffset(type.Rank));
        mt->ComponentSize = (ushort)element.ValueSize;
        mt->ElementType = element.MethodTable;
        mt->Parent = Array.MethodTable;
        if (element.IsReferenceType) mt->Flags |= MethodTableFlags.ElementsAreReferences;
        else if (element.ValueRefOffsets.Length > 0) mt->GcRefOffsets = _arena.IntArray(element.ValueRefOffsets);
        type.MethodTable = mt;
    }

    private MethodTable* NewMethodTable(RuntimeType type)
    {
        var mt = (MethodTable*)_arena.AllocZeroed((nuint)sizeof(MethodTable));
        mt->TypeId = type.Id;
        return mt;
    }

    private void BuildMethodTable(RuntimeType type, int baseSize, int[] refOffsets)
    {
        var mt = NewMethodTable(type);
        var def = type.Definition!;
        if (type.IsValueType) mt->Flags |= MethodTableFlags.ValueType;
        if (def.IsInterface) mt->Flags |= MethodTableFlags.Interface;
        if (def.IsAbstract) mt->Flags |= MethodTableFlags.Abstract;
        if (type.IsEnum) mt->Flags |= MethodTableFlags.Enum;
        if (type.IsNullable) mt->Flags |= MethodTableFlags.Nullable;
        if (type.BaseType?.FullName == "System.MulticastDelegate") mt->Flags |= MethodTableFlags.Delegate;
        if (def.FullName == "System.String")
        {
            mt->Flags |= MethodTableFlags.String;
            mt->ComponentSize = 2;
        }
        mt->BaseSize = (uint)Math.Max(baseSize, ObjectLayout.FirstFieldOffset);
        mt->ValueSize = (uint)type.ValueSize;
        mt->Parent = type.BaseType is null ? null : type.BaseType.MethodTable;
        mt->ElementType = type.IsEnum || type.Primitive != PrimitiveKind.None ? null : null;
        if (refOffsets.Length > 0) mt->GcRefOffsets = _arena.IntArray(refOffsets);
        type.MethodTable = mt;
    }

    /// <summary>Lays out the statics block on first use (a struct may have a static field of its own type).</summary>
    public void EnsureStatics(RuntimeType type)
    {
        if (type.Statics != null || type.Definition is null) return;
        var fields = new List<RuntimeField>();
        var refs = new List<int>();
        var byrefs = new List<int>();
        var offset = 0;
        foreach (var f in type.Definition.Fields)
        {
            if (!f.IsStatic || f.HasConstant && !f.IsInitOnly && f.FieldType.MetadataType != MetadataType.ValueType && f.IsLiteral) continue;
            var fieldType = Get(type.Context.Close(f.FieldType));
            var at = Align(offset, Math.Max(fieldType.ValueAlignment, 1));
            fields.Add(new RuntimeField(f, type, fieldType, at));
            NoteReferences(fieldType, at, refs, byrefs);
            offset = at + fieldType.ValueSize;
        }
        type.StaticFields = fields.ToArray();
        type.StaticRefOffsets = refs.ToArray();
        type.Statics = (byte*)_arena.AllocZeroed((nuint)Math.Max(offset, 8));
        foreach (var f in fields.Where(f => f.Definition.InitialValue is { Length: > 0 }))
            f.Definition.InitialValue.CopyTo(new Span<byte>(type.Statics + f.Offset, f.Definition.InitialValue.Length));
    }
}
