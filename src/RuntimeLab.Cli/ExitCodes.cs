namespace RuntimeLab.Cli;

/// <summary>What `runtimelab` exits with. A guest program's own exit code passes through unchanged instead.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    /// <summary>A system dependency (libLLVM, dotnet) is missing.</summary>
    public const int MissingDependency = 3;
}
