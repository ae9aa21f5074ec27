namespace RuntimeLab.Runtime.Jit;

/// <summary>Where methods run (<c>runtimelab run --tier</c>).</summary>
public enum TierMode
{
    /// <summary>Only the interpreter.</summary>
    Interp,
    /// <summary>Every method is compiled before its first call; the interpreter runs only what the JIT cannot compile.</summary>
    Jit,
    /// <summary>Methods start interpreted and are compiled in the background once hot (the default).</summary>
    Tiered,
}
