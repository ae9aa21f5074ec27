using Mono.Cecil;

namespace RuntimeLab.Runtime.TypeSystem;

/// <summary>
/// Type names as CoreCLR's reflection prints them (Type.Name, Type.FullName, Type.ToString(), and the
/// messages of InvalidCastException), since programs print them and the corpus compares.
/// Nested types use '+', generic instantiations list their arguments in brackets.
/// </summary>
public static class ClrTypeNames
{
    /// <summary>What CoreCLR calls the base library's assembly.</summary>
    private const string CoreLibDisplayName = "System.Private.CoreLib, Version=10.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e";

    public static string Name(TypeReference t) => t switch
    {
        ArrayType a => Name(a.ElementType) + Brackets(a),
        ByReferenceType r => Name(r.ElementType) + "&",
        PointerType p => Name(p.ElementType) + "*",
        GenericInstanceType g => g.ElementType.Name,
        _ => t.Name,
    };

    public static string FullName(TypeReference t) => Format(t, assemblyQualifiedArguments: true);

    /// <summary>How InvalidCastException's message names a type: nested types by their own name.</summary>
    public static string InCastMessage(TypeReference t) => t.DeclaringType is not null && t is not TypeSpecification ? t.Name : FullName(t);

    /// <summary>Type.ToString(): like FullName, with generic arguments unqualified.</summary>
    public static string Display(TypeReference t) => Format(t, assemblyQualifiedArguments: false);

    public static string Namespace(TypeReference t)
    {
        while (t is TypeSpecification spec) t = spec.ElementType;
        while (t.DeclaringType is not null) t = t.DeclaringType;
        return t.Namespace;
    }

    private static string Format(TypeReference t, bool assemblyQualifiedArguments)
    {
        switch (t)
        {
            case ArrayType a:
                return Format(a.ElementType, assemblyQualifiedArguments) + Brackets(a);
            case ByReferenceType r:
                return Format(r.ElementType, assemblyQualifiedArguments) + "&";
            case PointerType p:
                return Format(p.ElementType, assemblyQualifiedArguments) + "*";
            case GenericInstanceType g:
                var args = g.GenericArguments.Select(a => assemblyQualifiedArguments
                    ? $"[{Format(a, true)}, {AssemblyOf(a)}]"
                    : Format(a, false));
                return Plain(g.ElementType) + "[" + string.Join(",", args) + "]";
            default:
                return Plain(t);
        }
    }

    private static string Plain(TypeReference t) =>
        t.DeclaringType is null ? (t.Namespace.Length == 0 ? t.Name : $"{t.Namespace}.{t.Name}") : $"{Plain(t.DeclaringType)}+{t.Name}";

    private static string Brackets(ArrayType a) => a.IsVector ? "[]" : "[" + new string(',', a.Rank - 1) + "]";

    private static string AssemblyOf(TypeReference t)
    {
        while (t is TypeSpecification spec) t = spec.ElementType;
        var module = t.Resolve()?.Module;
        if (module is null || module.Assembly.Name.Name == "RuntimeLab.CoreLib") return CoreLibDisplayName;
        return module.Assembly.Name.FullName;
    }
}
