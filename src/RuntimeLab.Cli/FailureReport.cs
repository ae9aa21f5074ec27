using RuntimeLab.Jit.Llvm;

namespace RuntimeLab.Cli;

/// <summary>
/// Turns any exception escaping a verb into one line on stderr and an exit code, so the user
/// never sees a raw .NET crash dump. The full stack is shown only with RUNTIMELAB_DEBUG=1.
/// </summary>
public static class FailureReport
{
    public const string DebugVariable = "RUNTIMELAB_DEBUG";

    public static bool StackTracesRequested => Environment.GetEnvironmentVariable(DebugVariable) == "1";

    public static int Report(Exception exception, TextWriter stderr, bool includeStackTrace)
    {
        // The interesting exception is often wrapped (TypeInitializationException around a
        // static constructor that loads libLLVM, AggregateException from a task…).
        var known = Causes(exception).FirstOrDefault(e => e is LlvmNotFoundException or CliException);
        int exitCode;
        if (known is not null)
        {
            stderr.WriteLine($"runtimelab: error: {OneLine(known.Message)}");
            exitCode = known is CliException cli ? cli.ExitCode : ExitCodes.MissingDependency;
        }
        else
        {
            var cause = Innermost(exception);
            stderr.WriteLine($"runtimelab: internal error: {cause.GetType().FullName}: {OneLine(cause.Message)}");
            exitCode = ExitCodes.Failure;
        }
        if (includeStackTrace) stderr.WriteLine(exception);
        return exitCode;
    }

    /// <summary>The exception and everything it wraps, outermost first.</summary>
    private static IEnumerable<Exception> Causes(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions : (IEnumerable<Exception?>)[exception.InnerException];
        foreach (var child in inner)
            if (child is not null)
                foreach (var cause in Causes(child))
                    yield return cause;
    }

    /// <summary>Skips the wrappers that say nothing about the failure itself.</summary>
    private static Exception Innermost(Exception exception) =>
        exception is (System.Reflection.TargetInvocationException or TypeInitializationException or AggregateException) && exception.InnerException is { } inner
            ? Innermost(inner)
            : exception;

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
