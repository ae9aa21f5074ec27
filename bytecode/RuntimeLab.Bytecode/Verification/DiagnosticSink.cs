using Mono.Cecil;

namespace RuntimeLab.Bytecode.Verification;

/// <summary>Collects one method's diagnostics; each check reports through it with the offset it is at.</summary>
internal sealed class DiagnosticSink(MethodDefinition method)
{
    // Named only when there is something to report: most methods have nothing, and naming costs.
    private string? _assembly;
    private string? _method;
    private readonly HashSet<(VerifierError, int)> _seen = [];

    public List<VerificationDiagnostic> Diagnostics { get; } = [];

    /// <summary>One diagnostic per identifier and offset: a rule broken twice at one place is one error.</summary>
    public void Report(VerifierError error, int offset, string? found = null, string? expected = null, string? detail = null, VerificationClass? cls = null)
    {
        if (!_seen.Add((error, offset))) return;
        _assembly ??= MethodIdentity.AssemblyOf(method);
        _method ??= MethodIdentity.Of(method);
        Diagnostics.Add(new VerificationDiagnostic(error, cls ?? VerifierErrors.ClassOf(error), _assembly, _method, offset, found, expected, detail));
    }

    public bool HasErrors => Diagnostics.Count > 0;
}
