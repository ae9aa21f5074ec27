using RuntimeLab.X86.Dbt;
using RuntimeLab.X86.Interp;

namespace RuntimeLab.X86.Tests;

/// <summary>The three engines as the tests run them: tiered with a threshold of 2, so that short runs mix interpreted and compiled blocks.</summary>
internal static class Engines
{
    public static readonly string[] All = ["interp", "dbt", "tiered"];

    /// <summary>Each engine, for a test that takes only the engine.</summary>
    public static TheoryData<string> Each => new(All);

    /// <summary>Each of <paramref name="names"/> under each engine.</summary>
    public static TheoryData<string, string> Cross(IEnumerable<string> names)
    {
        var data = new TheoryData<string, string>();
        foreach (var name in names)
            foreach (var engine in All) data.Add(name, engine);
        return data;
    }

    public static EngineOptions Named(string engine) => engine switch
    {
        "interp" => EngineOptions.Interpreter,
        "dbt" => EngineOptions.For(X86Engine.Dbt),
        "tiered" => new EngineOptions { Engine = X86Engine.Tiered, HotThreshold = 2 },
        _ => throw new ArgumentOutOfRangeException(nameof(engine)),
    };

    /// <summary>
    /// In dbt mode translated code must have run: a test that passed on interpreted code alone would prove
    /// nothing. (Not every instruction: single-stepped and traced blocks are interpreted, and the
    /// instruction that raises a trap is counted by the run loop.)
    /// </summary>
    public static void AssertRanCompiled(Interpreter cpu)
    {
        var stats = cpu.Translation ?? throw new InvalidOperationException("the CPU has no translator");
        Assert.True(stats.BlocksTranslated > 0, "no block was translated");
        Assert.True(stats.CompiledInstructions > 0, "no instruction ran compiled");
    }
}
