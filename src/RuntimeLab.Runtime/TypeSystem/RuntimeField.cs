using Mono.Cecil;

namespace RuntimeLab.Runtime.TypeSystem;

/// <summary>A field of a closed type with its place: an offset from the object pointer (fields of
/// classes), from the start of the value (fields of structs), or into the statics block.</summary>
public sealed class RuntimeField(FieldDefinition definition, RuntimeType declaringType, RuntimeType fieldType, int offset)
{
    public FieldDefinition Definition { get; } = definition;
    public RuntimeType DeclaringType { get; } = declaringType;
    public RuntimeType FieldType { get; } = fieldType;
    public int Offset { get; } = offset;
    public bool IsStatic => Definition.IsStatic;
    public string Name => Definition.Name;

    public override string ToString() => $"{DeclaringType.Name}.{Name}";
}
