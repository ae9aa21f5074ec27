using System.Diagnostics;
using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Tests;

public class ProcessEngineTests
{
    private static readonly Workload Workload = new("w", "test workload") { Parameters = new Dictionary<string, string> { ["size"] = "7" } };

    private static ProcessEngine Shell(string script) => new("sh", "a shell script", "/bin/sh", ["-c", script], "sudo apt-get install dash");

    private static RunResult RunWithin(ProcessEngine engine, TimeSpan timeout, Workload? workload = null)
    {
        using var deadline = new CancellationTokenSource(timeout);
        return engine.Run(workload ?? Workload, deadline.Token);
    }

    [Fact]
    public void CapturesStdoutStderrExitCodeAndWallTime()
    {
        var result = RunWithin(Shell("echo hi; echo oops >&2"), TimeSpan.FromSeconds(10));

        Assert.Equal(RunStatus.Ok, result.Status);
        Assert.Equal("hi\n", result.Stdout);
        Assert.Equal("oops\n", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.True(result.WallMs > 0);
        Assert.NotNull(result.CpuMs);
    }

    [Fact]
    public void SubstitutesWorkloadNameAndParameters()
    {
        var result = RunWithin(Shell("echo {workload} {param:size}"), TimeSpan.FromSeconds(10));

        Assert.Equal($"{Workload.Name} {Workload.Parameters["size"]}\n", result.Stdout);
    }

    [Fact]
    public void MissingParameterIsAFailedRun()
    {
        var result = RunWithin(Shell("echo {param:depth}"), TimeSpan.FromSeconds(10));

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Contains("depth", result.FailureReason);
    }

    [Fact]
    public void UnexpectedExitCodeFailsAndExpectedOneDoesNot()
    {
        var engine = Shell("exit 3");

        var unexpected = RunWithin(engine, TimeSpan.FromSeconds(10));
        var expected = RunWithin(engine, TimeSpan.FromSeconds(10), Workload with { ExpectedExitCode = 3 });

        Assert.Equal(RunStatus.Failed, unexpected.Status);
        Assert.Equal(3, unexpected.ExitCode);
        Assert.Equal(RunStatus.Ok, expected.Status);
    }

    [Fact]
    public void FailureReasonEndsWithTheFirstLineOfStderr()
    {
        var result = RunWithin(Shell("echo >&2; echo 'runtimelab: error: no such verb' >&2; echo \"Try 'runtimelab --help'.\" >&2; exit 2"), TimeSpan.FromSeconds(10));

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal("exit code 2 (expected 0): runtimelab: error: no such verb", result.FailureReason);
    }

    [Fact]
    public void CommandRunningPastTheDeadlineIsKilledAndTimedOut()
    {
        var clock = Stopwatch.StartNew();

        var result = RunWithin(Shell("sleep 30; echo late"), TimeSpan.FromMilliseconds(300));

        Assert.Equal(RunStatus.TimedOut, result.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void TimeoutKillsTheWholeProcessTree()
    {
        var pidFile = Path.GetTempFileName();
        try
        {
            var result = RunWithin(Shell($"sleep 30 & echo $! > {pidFile}; wait"), TimeSpan.FromMilliseconds(300));

            Assert.Equal(RunStatus.TimedOut, result.Status);
            int grandchild = int.Parse(File.ReadAllText(pidFile));
            Assert.True(SpinWait.SpinUntil(() => !IsAlive(grandchild), TimeSpan.FromSeconds(1)), $"sleep {grandchild} survived");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    // A killed process lingers as a zombie until its new parent reaps it; that counts as dead.
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
