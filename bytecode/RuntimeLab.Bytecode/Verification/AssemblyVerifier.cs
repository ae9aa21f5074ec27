using Mono.Cecil;
using RuntimeLab.Bytecode.Inspect;

namespace RuntimeLab.Bytecode.Verification;

/// <summary>The verification of every selected method of a module, with the totals the report prints.</summary>
public sealed class AssemblyVerification
{
    public List<MethodVerification> Methods { get; } = [];
    public int Verified => Methods.Count(m => m.IsVerifiable);
    public int Failing => Methods.Count(m => !m.IsVerifiable);
    public long IlBytes { get; internal set; }
    public IEnumerable<VerificationDiagnostic> Diagnostics => Methods.SelectMany(m => m.Diagnostics);

    /// <summary>Error counts by identifier, most frequent first.</summary>
    public IEnumerable<(VerifierError Error, int Count)> ByIdentifier =>
        Diagnostics.GroupBy(d => d.Error).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key.ToString());
}

public static class AssemblyVerifier
{
    /// <summary>Verifies the methods with bodies whose <c>Type::Method</c> matches <paramref name="pattern"/> (all when null).</summary>
    public static AssemblyVerification Verify(ModuleDefinition module, string? pattern = null, Action<MethodVerification>? onMethod = null)
    {
        var result = new AssemblyVerification();
        using var raw = RawBodyReader.Open(module);
        foreach (var method in StackTypeListing.Select(module, pattern))
        {
            if (!method.HasBody) continue;
            var verification = MethodVerifier.Verify(method, raw);
            result.IlBytes += raw?.SizeOf(method) ?? 0;
            result.Methods.Add(verification);
            onMethod?.Invoke(verification);
        }
        return result;
    }
}
