using RuntimeLab.Bytecode.Loading;
using RuntimeLab.Bytecode.Verification;

namespace RuntimeLab.Verifier.Tests;

/// <summary>Assemblies RuntimeLab did not write: verification completes, reporting (not failing on)
/// the unverifiable methods, and finds no error in the structure of compiler-emitted IL.</summary>
public class RealWorldAssemblyTests
{
    public static TheoryData<string> Assemblies() =>
    [
        Path.Combine(AppContext.BaseDirectory, "Mono.Cecil.dll"),
        Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Linq.dll"),
    ];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Verification_completes_without_structural_errors(string path)
    {
        using var loader = new VerificationLoader(path, [], Corpus.CoreLibPath);
        var result = AssemblyVerifier.Verify(loader.Assembly.MainModule);
        Assert.True(result.Methods.Count > 500, $"only {result.Methods.Count} methods");
        // Compilers emit correct CIL: bad offsets, tokens or stack depths would be RuntimeLab's bugs.
        var structural = new[]
        {
            VerifierError.UnknownOpcode, VerifierError.MethodEnd, VerifierError.BadJumpTarget, VerifierError.BadBranch,
            VerifierError.PathStackDepth, VerifierError.StackUnderflow, VerifierError.EHClauseOutOfRange, VerifierError.MethodFallthrough,
            VerifierError.TokenResolve, VerifierError.ExpectedMethodToken, VerifierError.ExpectedFieldToken, VerifierError.ExpectedTypeToken,
        };
        var wrong = result.Diagnostics.Where(d => structural.Contains(d.Error)).Take(10).Select(d => d.Format()).ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
