using RuntimeLab.Bytecode.Loading;
using RuntimeLab.Bytecode.Verification;

namespace RuntimeLab.Verifier.Tests;

/// <summary>
/// The code RuntimeLab ships and runs verifies, except the methods bytecode/verifier-allowlist.txt
/// names with a reason; and the list names no method that verifies (it cannot go stale).
/// </summary>
public class RealCodeTests
{
    private static readonly Lazy<Dictionary<string, string>> AllowList = new(() =>
        File.ReadAllLines(Path.Combine(Corpus.RepositoryRoot, "bytecode", "verifier-allowlist.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(" | ", 2))
            .ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1].Trim() : ""));

    private static void AssertVerifiesExceptAllowed(string path)
    {
        using var loader = new VerificationLoader(path, [], Corpus.CoreLibPath);
        var result = AssemblyVerifier.Verify(loader.Assembly.MainModule);
        var assembly = loader.Assembly.Name.Name;
        var failing = result.Methods.Where(m => !m.IsVerifiable)
            .ToDictionary(m => $"{assembly} : {MethodIdentity.Of(m.Method)}", m => m);
        var unexpected = failing.Where(f => !AllowList.Value.ContainsKey(f.Key)).ToList();
        Assert.True(unexpected.Count == 0, "not verifiable and not in the allow-list:\n"
            + string.Join("\n", unexpected.SelectMany(f => f.Value.Diagnostics).Select(d => d.Format())));
        var stale = AllowList.Value.Keys.Where(k => k.StartsWith(assembly + " : ", StringComparison.Ordinal) && !failing.ContainsKey(k)).ToList();
        Assert.True(stale.Count == 0, "allow-listed but verifies (remove from bytecode/verifier-allowlist.txt):\n" + string.Join("\n", stale));
        Assert.All(failing.Values, m => Assert.True(m.IsValid, $"{MethodIdentity.Of(m.Method)} is invalid IL, not merely unverifiable"));
        Assert.True(result.Methods.Count > 0);
    }

    [Fact]
    public void Base_library_verifies() => AssertVerifiesExceptAllowed(Corpus.CoreLibPath);

    [Theory]
    [InlineData("hello")]
    [InlineData("nqueens")]
    [InlineData("shapes")]
    [InlineData("sieve")]
    [InlineData("uses-file")]
    public void Sample_verifies(string name) => AssertVerifiesExceptAllowed(ProgramBuilds.Build($"bytecode/samples/{name}", name));

    [Fact]
    public void Conformance_programs_verify() => AssertVerifiesExceptAllowed(ProgramBuilds.Build("bytecode/conformance", "Conformance"));

    [Fact]
    public void Allow_list_gives_every_entry_a_reason() =>
        Assert.All(AllowList.Value, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{e.Key} has no reason"));
}
