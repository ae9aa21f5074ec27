namespace RuntimeLab.X86.Dbt;

/// <summary>How guest code runs: each instruction interpreted, each block translated before it runs, or both by heat.</summary>
public enum X86Engine
{
    /// <summary>The interpreter alone: every block runs op by op through its handlers.</summary>
    Interp,
    /// <summary>The binary translator alone, as QEMU does: every block is compiled (on this thread) before its first run.</summary>
    Dbt,
    /// <summary>Cold blocks are interpreted; a block that ran <see cref="EngineOptions.HotThreshold"/> times compiles in the background and runs compiled from then on.</summary>
    Tiered,
}

/// <summary>The engine a CPU runs with, and what the translator reports.</summary>
public sealed record EngineOptions
{
    public X86Engine Engine { get; init; } = X86Engine.Tiered;

    /// <summary>Tiered mode: executions of a block before it is queued for compilation.</summary>
    public int HotThreshold { get; init; } = DefaultHotThreshold;
    public const int DefaultHotThreshold = 50;

    /// <summary>One line per translation event (compiled, installed, discarded, invalidated); null for none.</summary>
    public TextWriter? JitLog { get; init; }

    public static readonly EngineOptions Interpreter = new() { Engine = X86Engine.Interp };

    public static EngineOptions For(X86Engine engine) => new() { Engine = engine };

    /// <summary>The engine named on a command line: interp, dbt or tiered.</summary>
    public static bool TryParse(string text, out X86Engine engine)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "interp": engine = X86Engine.Interp; return true;
            case "dbt": engine = X86Engine.Dbt; return true;
            case "tiered": engine = X86Engine.Tiered; return true;
            default: engine = default; return false;
        }
    }

    public static string Name(X86Engine engine) => engine.ToString().ToLowerInvariant();
}
