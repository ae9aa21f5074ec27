namespace RuntimeLab.Runtime;

/// <summary>The application VM's front door: run one assembly's entry point on RuntimeLab.</summary>
public static class AppVm
{
    /// <summary>
    /// Loads <paramref name="assemblyPath"/>, binds its framework references to RuntimeLab's base
    /// library and runs its entry point on the interpreter. Returns the program's exit code (134 for an
    /// unhandled exception or stack overflow, as CoreCLR does); load errors come back as
    /// <see cref="AppLoadException"/> with a one-line message.
    /// </summary>
    public static int Run(string assemblyPath, IReadOnlyList<string> args, AppIo io, RunOptions options)
        => throw new NotImplementedException();
}

/// <summary>The program's standard streams.</summary>
public sealed record AppIo(TextReader Stdin, TextWriter Stdout, TextWriter Stderr);

/// <summary>Options of one run (the <c>runtimelab run</c> flags).</summary>
public sealed record RunOptions
{
    /// <summary>GC stress: a collection at every allocation, a full one every N-th (0 = off).</summary>
    public int GcStress { get; init; }
    public bool GcStats { get; init; }
    public bool GcTrace { get; init; }
    /// <summary>Heap limit in bytes; beyond it allocation throws OutOfMemoryException. 0 = none.</summary>
    public long HeapLimit { get; init; }
    /// <summary>Managed call depth at which "Stack overflow." ends the program.</summary>
    public int MaxCallDepth { get; init; } = 20_000;
}

/// <summary>A file that cannot be run: not an assembly, corrupt, no entry point.</summary>
public sealed class AppLoadException(string message) : Exception(message);
