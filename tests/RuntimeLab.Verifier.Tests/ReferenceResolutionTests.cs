using RuntimeLab.Bytecode.Loading;
using RuntimeLab.Bytecode.Verification;

namespace RuntimeLab.Verifier.Tests;

/// <summary>`verify -r DIR`: references are found next to the file, then in the -r folders.</summary>
public class ReferenceResolutionTests
{
    private static MethodVerification VerifyAlone(IReadOnlyList<string> references)
    {
        var dir = Directory.CreateTempSubdirectory("verifier-refs-");
        try
        {
            var copy = Path.Combine(dir.FullName, "uses-merges.dll");
            File.Copy(Path.Combine(Corpus.AssembledDirectory, "uses-merges.dll"), copy);
            using var loader = new VerificationLoader(copy, references, Corpus.CoreLibPath);
            return AssemblyVerifier.Verify(loader.Assembly.MainModule, "UsesMerges::Valid_*").Methods.Single();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Missing_reference_is_reported_not_fatal()
    {
        var result = VerifyAlone([]);
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.Equal(VerifierError.TokenResolve, d.Error));
        Assert.Contains("Dog.Bark() not found", string.Join("\n", result.Diagnostics.Select(d => d.Detail)));
        Assert.True(result.IsValid, "a missing member is unverifiable, not invalid: run reports it when reached");
    }

    [Fact]
    public void Reference_folder_resolves_it() => Assert.True(VerifyAlone([Corpus.AssembledDirectory]).IsVerifiable);

    [Fact]
    public void Missing_reference_folder_is_a_load_error() =>
        Assert.Throws<BytecodeLoadException>(() => new VerificationLoader(Path.Combine(Corpus.AssembledDirectory, "merges.dll"), ["/no/such/folder"], Corpus.CoreLibPath));
}
