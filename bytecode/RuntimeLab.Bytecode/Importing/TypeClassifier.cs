using Mono.Cecil;

namespace RuntimeLab.Bytecode.Importing;

/// <summary>Maps closed types to the stack kinds values of that type take (Partition III §1.1.1).</summary>
public static class TypeClassifier
{
    public static StackEntry ToStack(TypeReference type)
    {
        switch (type.MetadataType)
        {
            case MetadataType.Boolean: case MetadataType.Char: case MetadataType.SByte: case MetadataType.Byte:
            case MetadataType.Int16: case MetadataType.UInt16: case MetadataType.Int32: case MetadataType.UInt32:
                return new StackEntry(StackKind.Int32, type);
            case MetadataType.Int64: case MetadataType.UInt64:
                return new StackEntry(StackKind.Int64, type);
            case MetadataType.IntPtr: case MetadataType.UIntPtr: case MetadataType.Pointer: case MetadataType.FunctionPointer:
                return new StackEntry(StackKind.NativeInt, type);
            case MetadataType.Single:
                return new StackEntry(StackKind.Float32, type);
            case MetadataType.Double:
                return new StackEntry(StackKind.Float64, type);
            case MetadataType.ByReference:
                return new StackEntry(StackKind.ByRef, ((ByReferenceType)type).ElementType);
            case MetadataType.String: case MetadataType.Object: case MetadataType.Array: case MetadataType.Class:
                return new StackEntry(StackKind.ObjRef, type);
            case MetadataType.Pinned:
                return ToStack(((PinnedType)type).ElementType);
            case MetadataType.RequiredModifier:
                return ToStack(((RequiredModifierType)type).ElementType);
            case MetadataType.OptionalModifier:
                return ToStack(((OptionalModifierType)type).ElementType);
        }
        var def = type.Resolve();
        if (def is null)
            return new StackEntry(type.IsValueType ? StackKind.ValueType : StackKind.ObjRef, type);
        if (def.IsEnum)
            return ToStack(EnumUnderlyingType(def)) with { Type = type };
        return new StackEntry(def.IsValueType ? StackKind.ValueType : StackKind.ObjRef, type);
    }

    public static TypeReference EnumUnderlyingType(TypeDefinition enumType) =>
        enumType.Fields.First(f => !f.IsStatic).FieldType;

    public static bool IsValueType(TypeReference type) => type.MetadataType switch
    {
        MetadataType.String or MetadataType.Object or MetadataType.Array or MetadataType.ByReference
            or MetadataType.Class or MetadataType.Pointer => false,
        MetadataType.Void => false,
        _ when type.MetadataType is >= MetadataType.Boolean and <= MetadataType.Double => true,
        MetadataType.IntPtr or MetadataType.UIntPtr or MetadataType.TypedByReference => true,
        _ => type.Resolve() is { IsValueType: true },
    };
}
