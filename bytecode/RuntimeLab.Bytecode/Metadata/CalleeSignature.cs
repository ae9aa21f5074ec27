using Mono.Cecil;

namespace RuntimeLab.Bytecode.Metadata;

/// <summary>
/// A method reference seen from a calling body, with everything closed: its declaring type, its own
/// type arguments, its parameter and return types. Built once per call site.
/// </summary>
public sealed class CalleeSignature
{
    public MethodReference Reference { get; }
    public TypeReference DeclaringType { get; }
    public GenericContext CalleeContext { get; }
    public IReadOnlyList<TypeReference> Parameters { get; }
    public TypeReference ReturnType { get; }
    public bool HasThis { get; }

    public CalleeSignature(MethodReference reference, GenericContext caller)
    {
        Reference = reference;
        DeclaringType = caller.Close(reference.DeclaringType);
        var methodArgs = reference is GenericInstanceMethod gim
            ? gim.GenericArguments.Select(caller.Close).ToArray()
            : (IReadOnlyList<TypeReference>)[];
        CalleeContext = GenericContext.OfType(DeclaringType).WithMethodArguments(methodArgs);
        // The signature is written in terms of the member's own declaring type and method (!0, !!0),
        // never the caller's: close it over the callee's instantiation only.
        Parameters = reference.Parameters.Select(p => CalleeContext.Close(p.ParameterType)).ToArray();
        ReturnType = CalleeContext.Close(reference.ReturnType);
        HasThis = reference.HasThis;
    }
}
