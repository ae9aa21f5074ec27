using Mono.Cecil;
using RuntimeLab.Bytecode.Metadata;

namespace RuntimeLab.Bytecode.Verification;

/// <summary>How a method is named in diagnostics and matched by <c>--method</c>: ILVerify's
/// <c>Namespace.Type::Method(signature)</c>, nested types joined with '/'.</summary>
public static class MethodIdentity
{
    public static string Of(MethodDefinition method) =>
        $"{method.DeclaringType.FullName}::{method.Name}({string.Join(", ", method.Parameters.Select(p => TypeNames.Display(p.ParameterType)))})";

    public static string AssemblyOf(MethodDefinition method) => method.Module.Assembly?.Name.Name ?? method.Module.Name;
}
