namespace RuntimeLab.Jit.Compile;

/// <summary>How a module reaches native code.</summary>
public enum CompileRoute
{
    /// <summary>
    /// The session runs the passes, emits an object file with a target machine of the compiling
    /// thread's own, and adds the object to the JIT. Code generation runs outside the JIT's lock,
    /// so background workers compile in parallel.
    /// </summary>
    ObjectFile,
    /// <summary>The optimized IR module is added to ORC, which generates code when it is looked up.</summary>
    IrModule,
}

/// <summary>Per-compile choices. Capturing text is for teaching views and costs time, so it is opt-in.</summary>
public sealed record CompileOptions
{
    public OptLevel Level { get; init; } = OptLevel.O2;
    public CompileRoute Route { get; init; } = CompileRoute.ObjectFile;
    /// <summary>Keep the textual IR before and after optimization on the compiled module.</summary>
    public bool CaptureIr { get; init; }

    public static CompileOptions At(OptLevel level) => new() { Level = level };
}
