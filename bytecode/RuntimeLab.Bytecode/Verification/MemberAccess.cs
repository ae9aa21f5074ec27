using Mono.Cecil;

namespace RuntimeLab.Bytecode.Verification;

/// <summary>
/// Member accessibility (Partition I §8.5.3.2, Partition II §23.1.5 and §23.1.10): may code in one
/// type use a field or method declared in another. Private members belong to their type and the
/// types nested in it; assembly members to their assembly and the friends it names with
/// InternalsVisibleTo; family members to the type's subclasses.
/// </summary>
internal static class MemberAccess
{
    public static bool CanAccess(TypeDefinition caller, MethodDefinition target) =>
        Allows(caller, target.DeclaringType, target.Attributes & MethodAttributes.MemberAccessMask);

    /// <summary>Field access flags are encoded as method access flags are (0 compiler-controlled … 6 public).</summary>
    public static bool CanAccess(TypeDefinition caller, FieldDefinition target) =>
        Allows(caller, target.DeclaringType, (MethodAttributes)(ushort)(target.Attributes & FieldAttributes.FieldAccessMask));

    private static bool Allows(TypeDefinition caller, TypeDefinition declaring, MethodAttributes access) => access switch
    {
        MethodAttributes.Public => true,
        MethodAttributes.Private or MethodAttributes.CompilerControlled => IsWithin(caller, declaring),
        MethodAttributes.Assembly => InAssembly(caller, declaring),
        MethodAttributes.Family => IsFamily(caller, declaring),
        MethodAttributes.FamANDAssem => IsFamily(caller, declaring) && InAssembly(caller, declaring),
        MethodAttributes.FamORAssem => IsFamily(caller, declaring) || InAssembly(caller, declaring),
        _ => true,
    };

    private static bool InAssembly(TypeDefinition caller, TypeDefinition declaring) =>
        SameAssembly(caller, declaring) || IsFriend(caller, declaring);

    /// <summary>The caller is the declaring type or nested in it, at any depth.</summary>
    private static bool IsWithin(TypeDefinition caller, TypeDefinition declaring)
    {
        for (var t = caller; t is not null; t = t.DeclaringType)
            if (t == declaring || t.FullName == declaring.FullName && SameAssembly(t, declaring)) return true;
        return false;
    }

    /// <summary>The caller, or a type it is nested in, is the declaring type or derives from it.</summary>
    private static bool IsFamily(TypeDefinition caller, TypeDefinition declaring)
    {
        for (var outer = caller; outer is not null; outer = outer.DeclaringType)
            for (TypeReference? t = outer; t is not null; t = TypeCompatibility.BaseOf(t))
                if (t.GetElementType().FullName == declaring.FullName) return true; // Comparer<T> is a Comparer`1
        return false;
    }

    private static bool SameAssembly(TypeDefinition a, TypeDefinition b) => a.Module.Assembly?.Name.Name == b.Module.Assembly?.Name.Name;

    private static bool IsFriend(TypeDefinition caller, TypeDefinition declaring)
    {
        var callerName = caller.Module.Assembly?.Name.Name;
        var assembly = declaring.Module.Assembly;
        if (callerName is null || assembly is null) return false;
        foreach (var a in assembly.CustomAttributes)
            if (a.AttributeType.Name == "InternalsVisibleToAttribute" && a.ConstructorArguments.Count == 1
                && a.ConstructorArguments[0].Value is string friend && friend.Split(',')[0].Trim() == callerName)
                return true;
        return false;
    }
}
