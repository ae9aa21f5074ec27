using RuntimeLab.Bytecode.Verification;

namespace RuntimeLab.Verifier.Tests;

/// <summary>Every corpus method gets exactly the outcome its name states.</summary>
public class CorpusTests
{
    public static TheoryData<string, string, string, string> AllCases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var c in Corpus.Cases()) data.Add(c.File, c.TypeName, c.MethodName, c.Label);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Method_gets_the_outcome_its_name_states(string file, string type, string method, string label)
    {
        var c = new CorpusCase(file, type, method, label);
        var m = Corpus.Find(c);
        var result = MethodVerifier.Verify(m, RawBodyReader.Open(m.Module));
        var reported = result.Diagnostics.Select(d => d.Error).ToHashSet();
        var lines = string.Join("\n", result.Diagnostics.Select(d => d.Format()));
        if (c.ExpectsValid)
        {
            Assert.True(result.IsVerifiable, $"{label} should verify, got:\n{lines}");
            return;
        }
        Assert.True(c.ExpectedErrors.Count > 0, $"{label} names no VerifierError identifier");
        Assert.True(c.ExpectedErrors.SetEquals(reported),
            $"{label}: expected [{string.Join(", ", c.ExpectedErrors)}], got [{string.Join(", ", reported)}]:\n{lines}");
        if (c.ExpectsInvalid) Assert.False(result.IsValid, $"{label} should be classed invalid:\n{lines}");
        else Assert.True(result.IsValid, $"{label} should be merely unverifiable:\n{lines}");
    }

    [Fact]
    public void Corpus_is_large_and_pairs_errors_with_valid_cases()
    {
        var cases = Corpus.Cases().ToList();
        Assert.True(cases.Count >= 200, $"only {cases.Count} corpus cases");
        Assert.True(cases.Count(c => c.ExpectsValid) * 3 >= cases.Count, "too few valid counterparts");
    }

    [Fact]
    public void Diagnostic_line_follows_ILVerify_format()
    {
        var c = Corpus.Cases().First(x => x.Label == "Unverifiable_StackUnexpected_string_for_int_argument");
        var m = Corpus.Find(c);
        var line = MethodVerifier.Verify(m, RawBodyReader.Open(m.Module)).Diagnostics.Single().Format();
        Assert.Equal("[IL]: Error [StackUnexpected]: [calls : Calls::Unverifiable_StackUnexpected_string_for_int_argument()][offset 0x00000005][found ref(string)][expected int32] Unexpected type on the stack.", line);
    }
}
