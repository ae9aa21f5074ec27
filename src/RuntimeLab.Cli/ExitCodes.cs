namespace RuntimeLab.Cli;

/// <summary>The process exit codes every verb shares; scripts and CI branch on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int UsageError = 2;
    /// <summary>A system dependency (libLLVM, dotnet, qemu…) is missing: installing it fixes the run.</summary>
    public const int MissingDependency = 3;
}
