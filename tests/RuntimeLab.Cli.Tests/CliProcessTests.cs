using System.Text.RegularExpressions;

namespace RuntimeLab.Cli.Tests;

/// <summary>The built CLI in a subprocess, with output redirected as a script or CI would see it.</summary>
public class CliProcessTests
{
    private const char Escape = '\u001b';
    // "   at Namespace.Type.Method(…)" as in a .NET stack trace.
    private const string StackFrame = @"(?m)^\s+at \S+\(";

    [Fact]
    public void VersionPrintsOnlyTheVersionLines()
    {
        var result = CliProcess.Run(["version"]);

        Assert.Equal(0, result.ExitCode);
        var lines = result.StandardOutput.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^runtimelab \d+\.\d+\.\d+", lines[0]);
        Assert.StartsWith("runtime .NET ", lines[1]);
        Assert.StartsWith("os ", lines[2]);
        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain(Escape, result.StandardOutput);
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public void RootHelpListsEveryVerbWithoutAnsi()
    {
        var result = CliProcess.Run(["--help"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var verb in (string[])["version", "doctor", "test", "jit", "lab"])
            Assert.Matches($@"(?m)^\s+{verb}\b.*\S", result.StandardOutput);
        Assert.DoesNotContain(Escape, result.StandardOutput);
    }

    [Fact]
    public void VerbHelpShowsAnExample()
    {
        var result = CliProcess.Run(["doctor", "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Examples:", result.StandardOutput);
        Assert.Contains("runtimelab doctor", result.StandardOutput);
    }

    [Fact]
    public void DoctorWithMissingLlvmOverrideExplainsInOneLineAndExits3()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-libLLVM-{Guid.NewGuid():N}.so");

        var result = CliProcess.Run(["doctor"], new Dictionary<string, string> { ["RUNTIMELAB_LLVM"] = missing });

        Assert.Equal(3, result.ExitCode);
        // The report still runs: the .NET runtime row is there, and the libLLVM row names the variable.
        Assert.Contains(".NET runtime", result.StandardOutput);
        Assert.Matches($@"(?m)^libLLVM\s+missing\s+RUNTIMELAB_LLVM={Regex.Escape(missing)}: no such file", result.StandardOutput);
        var error = Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"runtimelab: error: RUNTIMELAB_LLVM={missing}", error);
        Assert.DoesNotMatch(StackFrame, result.StandardOutput + result.StandardError);
        Assert.DoesNotContain(Escape, result.StandardOutput);
    }

    [Fact]
    public void UnknownVerbIsAUsageErrorOnStderr()
    {
        var result = CliProcess.Run(["no-such-verb"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("runtimelab: error:", result.StandardError);
        Assert.Contains("no-such-verb", result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }
}
