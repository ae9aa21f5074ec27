namespace RuntimeLab.Conformance.Tests;

/// <summary>
/// Checks of the corpus and the harness that need no RuntimeLab: the corpus builds, its case list
/// agrees with Cases/, pending.txt is well-formed, and CoreCLR runs every case as intended.
/// </summary>
public sealed class HarnessSelfTests
{
    /// <summary>
    /// Cases that end with a non-zero exit code on purpose (all others must exit with 0): a case that
    /// starts failing on CoreCLR would otherwise become an expected failure nobody notices.
    /// </summary>
    private static readonly Dictionary<string, int> s_expectedExitCodes = new()
    {
        ["exit-code"] = 3,            // Main returns 3
        ["environment-exit"] = 7,     // Environment.Exit(7)
        ["unhandled-exception"] = 134, // SIGABRT after "Unhandled exception." (CoreCLR on Linux)
    };

    /// <summary>Cases that write to stderr on purpose (all others must leave it empty).</summary>
    private static readonly HashSet<string> s_writesStderr = ["unhandled-exception", "object-methods"];

    private static readonly ConformanceCorpus s_corpus = ConformanceCorpus.Locate();

    [Fact]
    public void ListOutputMatchesTheCaseFiles()
    {
        s_corpus.EnsureBuilt();
        var list = CoreClrOracle.Run(s_corpus, "list", "");
        Assert.Equal(0, list.ExitCode);
        var listed = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.Equal(s_corpus.CaseNames, listed.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public void UnknownCaseIsAnError()
    {
        s_corpus.EnsureBuilt();
        var result = CoreClrOracle.Run(s_corpus, "no-such-case", "");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("unknown case", result.Stderr);
    }

    [Fact]
    public void PendingListNamesOnlyExistingCasesOnce()
    {
        var cases = s_corpus.CaseNames.ToHashSet();
        var written = s_corpus.PendingNamesAsWritten;
        var unknown = written.Where(name => !cases.Contains(name)).ToList();
        Assert.True(unknown.Count == 0, "pending.txt names cases that do not exist: " + string.Join(", ", unknown));
        var duplicates = written.GroupBy(name => name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "pending.txt names cases more than once: " + string.Join(", ", duplicates));
    }

    [Fact]
    public void EveryCaseRunsOnCoreClrWithItsIntendedExitCode()
    {
        var results = CoreClrOracle.Results(s_corpus);
        Assert.Equal(s_corpus.CaseNames, results.Keys.Order(StringComparer.Ordinal).ToList());
        var problems = new List<string>();
        foreach (var (name, result) in results)
        {
            var exit = s_expectedExitCodes.GetValueOrDefault(name, 0);
            if (result.ExitCode != exit)
                problems.Add($"{name}: exit code {result.ExitCode}, intended {exit}; stderr: {CaseResult.FirstLine(result.Stderr)}");
            if (result.Stderr.Length > 0 && !s_writesStderr.Contains(name))
                problems.Add($"{name}: unexpected stderr: {CaseResult.FirstLine(result.Stderr)}");
            if (result.Stdout.Length == 0)
                problems.Add($"{name}: printed nothing");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var unhandled = results["unhandled-exception"];
        Assert.True(unhandled.IsUnhandledException, unhandled.Stderr);
        Assert.Equal("Unhandled exception. System.InvalidOperationException: the corpus threw this on purpose", CaseResult.FirstLine(unhandled.Stderr));
    }

    [Fact]
    public void ReadStdinSeesTheFixedInput()
    {
        var result = CoreClrOracle.Result(s_corpus, "read-stdin");
        var lines = s_corpus.Stdin.Split('\n').Length - (s_corpus.Stdin.EndsWith('\n') ? 1 : 0);
        Assert.Contains($"lines: {lines},", result.Stdout);
    }

    [Fact]
    public void CaseNamesAreKebabCaseOfClassNames()
    {
        Assert.Equal("strings-basic", ConformanceCorpus.ToCaseName("StringsBasic"));
        Assert.Equal("hello", ConformanceCorpus.ToCaseName("Hello"));
        Assert.Equal("string-builder-ops", ConformanceCorpus.ToCaseName("StringBuilderOps"));
    }

    [Fact]
    public void EqualResultsConform()
    {
        var result = new CaseResult("a\nb\n", "", 0);
        Assert.Null(OutputComparison.Compare("c", "normal", result, result with { }));
    }

    [Fact]
    public void ReportShowsCaseLineAndExitCodes()
    {
        var expected = new CaseResult("one\ntwo\nthree\n", "", 0);
        var actual = new CaseResult("one\n2\nthree\n", "", 1);
        var report = OutputComparison.Compare("strings-basic", "normal", expected, actual);
        Assert.NotNull(report);
        Assert.Contains("case strings-basic (normal)", report);
        Assert.Contains("exit code: expected 0, actual 1", report);
        Assert.Contains("stdout differs at line 2", report);
        Assert.Contains("expected: [two]", report);
        Assert.Contains("actual:   [2]", report);
    }

    [Fact]
    public void MissingOutputIsReportedAsEndOfOutput()
    {
        var report = OutputComparison.FirstDifference("stdout", "a\nb\n", "a\n");
        Assert.NotNull(report);
        Assert.Contains("line 2", report);
        Assert.Contains("actual:   <end of output>", report);
    }

    [Fact]
    public void MissingFinalNewlineIsReported()
    {
        var report = OutputComparison.FirstDifference("stdout", "a\nb\n", "a\nb");
        Assert.NotNull(report);
        Assert.Contains("final newline", report);
    }

    [Fact]
    public void UnhandledExceptionComparesOnlyTheFirstStderrLine()
    {
        var expected = new CaseResult("", "Unhandled exception. System.Exception: boom\n   at A.B() in /x.cs:line 1\n", 134);
        var sameFirstLine = expected with { Stderr = "Unhandled exception. System.Exception: boom\n   at somewhere else\n" };
        Assert.Null(OutputComparison.Compare("c", "normal", expected, sameFirstLine));
        var otherMessage = expected with { Stderr = "Unhandled exception. System.Exception: bang\n" };
        Assert.Contains("stderr first line", OutputComparison.Compare("c", "normal", expected, otherMessage));
    }

    [Fact]
    public void OtherStderrIsComparedExactly()
    {
        var expected = new CaseResult("", "to stderr\n", 0);
        Assert.Contains("stderr differs at line 1", OutputComparison.Compare("c", "normal", expected, expected with { Stderr = "to stderr \n" }));
    }
}
