using RuntimeLab.Jit.Llvm;

namespace RuntimeLab.Cli.Tests;

public class FailureReportTests
{
    private static (int ExitCode, string[] Lines) Report(Exception exception, bool includeStackTrace = false)
    {
        var stderr = new StringWriter();
        var exitCode = FailureReport.Report(exception, stderr, includeStackTrace);
        return (exitCode, stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void MissingLlvmAnywhereInTheChainIsExit3WithOneLine()
    {
        var wrapped = new TypeInitializationException("Some.Type", new LlvmNotFoundException("libLLVM 19–22 not found"));

        var (exitCode, lines) = Report(wrapped);

        Assert.Equal(ExitCodes.MissingDependency, exitCode);
        Assert.Equal(["runtimelab: error: libLLVM 19–22 not found"], lines);
    }

    [Fact]
    public void CliExceptionUsesItsOwnExitCode()
    {
        var (exitCode, lines) = Report(new AggregateException(new MissingDependencyException("qemu-i386 not found")));

        Assert.Equal(ExitCodes.MissingDependency, exitCode);
        Assert.Equal(["runtimelab: error: qemu-i386 not found"], lines);
    }

    [Fact]
    public void UnexpectedExceptionIsOneInternalErrorLineAndExit1()
    {
        var (exitCode, lines) = Report(new InvalidOperationException("boom\nsecond line"));

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal(["runtimelab: internal error: System.InvalidOperationException: boom second line"], lines);
    }

    [Fact]
    public void StackTraceOnlyWhenAskedFor()
    {
        Exception thrown;
        try { throw new InvalidOperationException("boom"); }
        catch (InvalidOperationException e) { thrown = e; }

        var (_, lines) = Report(thrown, includeStackTrace: true);

        Assert.Contains(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }
}
