using RuntimeLab.Runtime;
using RuntimeLab.Runtime.Jit;

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
    public void MatchesCoreClrInterpreted(string caseName) => Check(caseName, "interp", new RunOptions { Tier = TierMode.Interp });

    /// <summary>Every method compiled before its first call (what cannot compile stays interpreted).</summary>
    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public void MatchesCoreClrCompiled(string caseName) => Check(caseName, "jit", new RunOptions { Tier = TierMode.Jit });

    /// <summary>The default: interpreted first, compiled once hot. A low threshold makes methods
    /// switch tiers while the small cases still run.</summary>
    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public void MatchesCoreClrTiered(string caseName) => Check(caseName, "tiered", new RunOptions { Tier = TierMode.Tiered, HotCalls = 2, HotLoops = 2 });

    /// <summary>GC stress in compiled code: a collection at every allocation, a full one every 16th,
    /// so every safepoint's roots in compiled frames are checked. Output must not change.</summary>
    [ConformanceTheory]
    [MemberData(nameof(Cases))]
    public void MatchesCoreClrUnderGcStress(string caseName) => Check(caseName, "jit, GC stress 16", new RunOptions { Tier = TierMode.Jit, GcStress = 16 });

    private static void Check(string caseName, string mode, RunOptions options)
    {
        var corpus = ConformanceCorpus.Locate();
        var expected = CoreClrOracle.Result(corpus, caseName);
        var actual = RuntimeLabRunner.Run(corpus, caseName, options);
        if (OutputComparison.Compare(caseName, mode, expected, actual) is { } report)
            Assert.Fail(report);
    }
}
