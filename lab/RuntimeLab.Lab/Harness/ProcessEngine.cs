using System.ComponentModel;
using System.Diagnostics;

namespace RuntimeLab.Lab.Harness;

/// <summary>
/// Runs a workload as a child process: <paramref name="executable"/> with <paramref name="arguments"/>, in which
/// <c>{workload}</c> and <c>{param:NAME}</c> are replaced from the workload. Stdout is the compared output;
/// stderr is kept apart. Wall time: Stopwatch from start to exit. CPU time: getrusage(RUSAGE_CHILDREN) delta,
/// exact when runs are sequential (as the runner makes them). Peak memory: the child's VmHWM, sampled every few
/// milliseconds (see <see cref="PeakRssSampler"/>); it covers the child itself, not processes it starts.
/// On timeout the child's whole process tree is killed.
/// </summary>
/// <param name="installHint">How to install the executable, e.g. "sudo apt-get install mono-runtime".</param>
public sealed class ProcessEngine(
    string name,
    string description,
    string executable,
    IReadOnlyList<string> arguments,
    string installHint) : Engine(name, description)
{
    private static readonly TimeSpan PeakRssSampleInterval = TimeSpan.FromMilliseconds(5);

    public string Executable { get; } = executable;
    public IReadOnlyList<string> Arguments { get; } = arguments;

    public override Availability CheckAvailability() =>
        ExecutableLocator.Find(Executable) is null
            ? Availability.NotInstalled(Executable, installHint)
            : Availability.Available;

    public override RunResult Run(Workload workload, CancellationToken deadline)
    {
        var startInfo = new ProcessStartInfo(ExecutableLocator.Find(Executable) ?? Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            foreach (var argument in ArgumentTemplate.Expand(Arguments, workload))
                startInfo.ArgumentList.Add(argument);
        }
        catch (KeyNotFoundException missing)
        {
            return RunResult.Failed(missing.Message, 0);
        }

        var cpuBefore = ResourceUsage.ReapedChildren();
        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (Win32Exception startFailure)
        {
            return RunResult.Failed($"could not start {Executable}: {startFailure.Message}", clock.Elapsed.TotalMilliseconds);
        }
        using (process)
        {
            // Closed at once so a child that reads stdin sees end of input instead of waiting for the harness.
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

            var (exited, peakRss) = WaitSampling(process, deadline);
            double wallMs = clock.Elapsed.TotalMilliseconds;
            exited = exited && AwaitStreams(stdout, stderr, deadline);
            if (!exited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new RunResult
                {
                    Status = RunStatus.TimedOut,
                    FailureReason = "exceeded the run timeout; process tree killed",
                    WallMs = wallMs,
                    PeakMemoryBytes = peakRss,
                };
            }

            var result = new RunResult
            {
                Status = RunStatus.Ok,
                Stdout = stdout.Result,
                Stderr = stderr.Result,
                ExitCode = process.ExitCode,
                WallMs = wallMs,
                CpuMs = (ResourceUsage.ReapedChildren() - cpuBefore)?.TotalMilliseconds,
                PeakMemoryBytes = peakRss,
            };
            return process.ExitCode == workload.ExpectedExitCode
                ? result
                : result with
                {
                    Status = RunStatus.Failed,
                    FailureReason = $"exit code {process.ExitCode} (expected {workload.ExpectedExitCode})" + FirstLine(result.Stderr),
                };
        }
    }

    /// <summary>
    /// The first line the child wrote to stderr, as ": LINE", or "": usually the error itself ("Unhandled exception.
    /// System.…", "runtimelab: error: …"), where later lines are stack frames or "Try --help".
    /// </summary>
    private static string FirstLine(string stderr)
    {
        var line = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (line is null) return "";
        return ": " + (line.Length > 200 ? line[..200] + "…" : line);
    }

    /// <summary>Waits for exit or the deadline, reading the child's peak RSS meanwhile.</summary>
    private static (bool Exited, long? PeakRss) WaitSampling(Process process, CancellationToken deadline)
    {
        long? peakRss = PeakRssSampler.Read(process.Id);
        while (!process.WaitForExit(PeakRssSampleInterval))
        {
            peakRss = PeakRssSampler.Read(process.Id) ?? peakRss;
            if (deadline.IsCancellationRequested)
                return (false, peakRss);
        }
        return (true, peakRss);
    }

    /// <summary>
    /// Waits for the output pipes to close. A descendant that outlives the child can hold them open,
    /// which counts against the deadline like any other hang.
    /// </summary>
    private static bool AwaitStreams(Task<string> stdout, Task<string> stderr, CancellationToken deadline)
    {
        try
        {
            Task.WaitAll([stdout, stderr], deadline);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
