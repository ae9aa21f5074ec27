namespace RuntimeLab.Cli;

/// <summary>
/// A failure the user can act on: reported as one line, "runtimelab: error: message", with
/// <see cref="ExitCode"/> and no stack trace.
/// </summary>
public class CliException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>A system dependency is missing (exit 3); the message should say how to install it.</summary>
public sealed class MissingDependencyException(string message) : CliException(message, ExitCodes.MissingDependency);
