using Mono.Cecil;

namespace RuntimeLab.Bytecode.Metadata;

/// <summary>Names of types and methods as users read them (C# keywords for primitives).</summary>
public static class TypeNames
{
    public static string Display(TypeReference t) => t.MetadataType switch
    {
        MetadataType.Boolean => "bool", MetadataType.Char => "char", MetadataType.SByte => "sbyte",
        MetadataType.Byte => "byte", MetadataType.Int16 => "short", MetadataType.UInt16 => "ushort",
        MetadataType.Int32 => "int", MetadataType.UInt32 => "uint", MetadataType.Int64 => "long",
        MetadataType.UInt64 => "ulong", MetadataType.Single => "float", MetadataType.Double => "double",
        MetadataType.String => "string", MetadataType.Object => "object", MetadataType.Void => "void",
        MetadataType.IntPtr => "nint", MetadataType.UIntPtr => "nuint",
        _ => t switch
        {
            GenericInstanceType g => $"{StripArity(g.ElementType.FullName)}<{string.Join(", ", g.GenericArguments.Select(Display))}>",
            ArrayType a => Display(a.ElementType) + "[" + new string(',', a.Rank - 1) + "]",
            ByReferenceType r => "ref " + Display(r.ElementType),
            PointerType p => Display(p.ElementType) + "*",
            _ => StripArity(t.FullName).Replace('/', '.'),
        },
    };

    /// <summary><c>System.IO.File.ReadAllText(string)</c>.</summary>
    public static string Method(MethodReference m) =>
        $"{Display(m.DeclaringType)}.{m.Name}({string.Join(", ", m.Parameters.Select(p => Display(p.ParameterType)))})";

    /// <summary><c>Program.Main</c>: how a calling method is named in messages.</summary>
    public static string ShortMethod(MethodReference m) => $"{Display(m.DeclaringType)}.{m.Name}";

    private static string StripArity(string name) => Arity.Replace(name, "");

    private static readonly System.Text.RegularExpressions.Regex Arity = new("`[0-9]+", System.Text.RegularExpressions.RegexOptions.Compiled);
}
