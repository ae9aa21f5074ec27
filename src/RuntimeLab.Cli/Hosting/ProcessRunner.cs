using System.Diagnostics;

namespace RuntimeLab.Cli.Hosting;

/// <summary>What a finished (or abandoned) child process said.</summary>
public sealed record ProcessOutcome(int? ExitCode, string StandardOutput, string StandardError, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0;
    public string CombinedOutput => StandardOutput + StandardError;
}

/// <summary>Runs short probe commands (version checks, a test compile) that must never hang the CLI.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessOutcome> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        // Untranslated messages, so version patterns match whatever the user's locale.
        startInfo.Environment["LC_ALL"] = "C";

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {fileName}");
        // EOF on stdin at once: tools that prompt (bochs) give up instead of waiting for a key.
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
        }
        return new ProcessOutcome(timedOut ? null : process.ExitCode, await Drain(stdout), await Drain(stderr), timedOut);
    }

    // A grandchild that inherited the pipe could keep it open after the child exits; don't wait on it long.
    private static async Task<string> Drain(Task<string> reading)
    {
        try { return await reading.WaitAsync(TimeSpan.FromSeconds(1)); }
        catch (TimeoutException) { return ""; }
    }
}
