using Mono.Cecil;

namespace RuntimeLab.Bytecode.Metadata;

/// <summary>
/// The type arguments a method body runs under: its declaring type's and its own. Closing a type
/// reference substitutes them, so every type the importer or the runtime sees is closed. RuntimeLab
/// does not share code between instantiations: each instantiation is imported and run on its own.
/// </summary>
public sealed class GenericContext
{
    public static readonly GenericContext Empty = new([], []);

    public IReadOnlyList<TypeReference> TypeArguments { get; }
    public IReadOnlyList<TypeReference> MethodArguments { get; }

    public GenericContext(IReadOnlyList<TypeReference> typeArguments, IReadOnlyList<TypeReference> methodArguments)
    {
        TypeArguments = typeArguments;
        MethodArguments = methodArguments;
    }

    public bool IsEmpty => TypeArguments.Count == 0 && MethodArguments.Count == 0;

    /// <summary>The context of a closed type: its instantiation's arguments.</summary>
    public static GenericContext OfType(TypeReference closedType) =>
        closedType is GenericInstanceType git ? new GenericContext(git.GenericArguments.ToArray(), []) : Empty;

    public GenericContext WithMethodArguments(IReadOnlyList<TypeReference> methodArguments) => new(TypeArguments, methodArguments);

    /// <summary>The type without custom modifiers (modreq/modopt): `void modreq(IsExternalInit)` is void.</summary>
    public static TypeReference WithoutModifiers(TypeReference type) => type switch
    {
        RequiredModifierType m => WithoutModifiers(m.ElementType),
        OptionalModifierType m => WithoutModifiers(m.ElementType),
        _ => type,
    };

    public TypeReference Close(TypeReference type)
    {
        type = WithoutModifiers(type);
        if (IsEmpty || !type.ContainsGenericParameter)
            return type;
        switch (type)
        {
            case GenericParameter gp:
                var list = gp.Type == GenericParameterType.Method ? MethodArguments : TypeArguments;
                return gp.Position < list.Count ? list[gp.Position] : gp;
            case GenericInstanceType git:
                var closed = new GenericInstanceType(git.ElementType);
                foreach (var a in git.GenericArguments) closed.GenericArguments.Add(Close(a));
                return closed;
            case ArrayType at:
                return at.IsVector ? new ArrayType(Close(at.ElementType)) : new ArrayType(Close(at.ElementType), at.Rank);
            case ByReferenceType br:
                return new ByReferenceType(Close(br.ElementType));
            case PointerType pt:
                return new PointerType(Close(pt.ElementType));
            case PinnedType pin:
                return new PinnedType(Close(pin.ElementType));
            case RequiredModifierType rm:
                return Close(rm.ElementType);
            case OptionalModifierType om:
                return Close(om.ElementType);
            case TypeDefinition td when td.HasGenericParameters:
                // An open definition used as a type inside its own body means "this instantiation".
                var self = new GenericInstanceType(td);
                foreach (var p in td.GenericParameters) self.GenericArguments.Add(Close(p));
                return self;
            default:
                return type;
        }
    }
}
