using RuntimeLab.Runtime;

namespace RuntimeLab.Conformance.Tests;

/// <summary>Every corpus case on RuntimeLab must print and exit exactly as on CoreCLR.</summary>
public sealed class ConformanceTests
{
    /// <summary>The case names, read from Cases/*.cs so that discovery needs no build.</summary>
    public static TheoryData<string> Cases
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in ConformanceCorpus.Locate().CaseNames) data.Add(name);
            return data;
        }
    }

    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public void MatchesCoreClr(string caseName) => Check(caseName, "normal", new RunOptions());

    /// <summary>GC stress: a collection at every allocation, a full one every 16th. Output must not change.</summary>
    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public void MatchesCoreClrUnderGcStress(string caseName) => Check(caseName, "GC stress 16", new RunOptions { GcStress = 16 });

    private static void Check(string caseName, string mode, RunOptions options)
    {
        var corpus = ConformanceCorpus.Locate();
        var expected = CoreClrOracle.Result(corpus, caseName);
        var actual = RuntimeLabRunner.Run(corpus, caseName, options);
        if (OutputComparison.Compare(caseName, mode, expected, actual) is { } report)
            Assert.Fail(report);
    }
}
