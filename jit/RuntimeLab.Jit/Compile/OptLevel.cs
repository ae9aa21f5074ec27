using RuntimeLab.Jit.Llvm;

namespace RuntimeLab.Jit.Compile;

/// <summary>How hard the backend optimizes a module.</summary>
public enum OptLevel
{
    O0,
    O1,
    O2,
    O3,
    /// <summary>A short custom pipeline for a first compiled tier: SSA, local cleanup, no loop passes.</summary>
    Lean,
}

/// <summary>What each level means to the pass manager and to code generation.</summary>
public static class OptLevels
{
    /// <summary>The lean tier: promote to SSA, simplify, clean the CFG. Valid on LLVM 19 to 22.</summary>
    public const string LeanPipeline = "function(sroa,early-cse,instcombine,simplifycfg)";

    /// <summary>The new-pass-manager pipeline string; O0 still runs the always-inliner as clang does.</summary>
    public static string Pipeline(this OptLevel level) => level switch
    {
        OptLevel.O0 => "default<O0>",
        OptLevel.O1 => "default<O1>",
        OptLevel.O2 => "default<O2>",
        OptLevel.O3 => "default<O3>",
        OptLevel.Lean => LeanPipeline,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static CodeGenOptLevel CodeGen(this OptLevel level) => level switch
    {
        OptLevel.O0 => CodeGenOptLevel.None,
        OptLevel.O1 or OptLevel.Lean => CodeGenOptLevel.Less,
        OptLevel.O2 => CodeGenOptLevel.Default,
        _ => CodeGenOptLevel.Aggressive,
    };

    /// <summary>Parses "0", "O2", "o3", "lean".</summary>
    public static bool TryParse(string text, out OptLevel level)
    {
        var key = text.Trim().TrimStart('O', 'o');
        level = key.ToLowerInvariant() switch
        {
            "0" => OptLevel.O0,
            "1" => OptLevel.O1,
            "2" => OptLevel.O2,
            "3" => OptLevel.O3,
            "lean" or "ean" => OptLevel.Lean,
            _ => (OptLevel)(-1),
        };
        return Enum.IsDefined(level);
    }
}
