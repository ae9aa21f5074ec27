using System.Diagnostics;

namespace RuntimeLab.Cli.Tests;

/// <summary>Runs the real built CLI (<c>dotnet runtimelab.dll …</c>) with stdout and stderr redirected.</summary>
internal static class CliProcess
{
    // The project reference copies runtimelab.dll with its runtimeconfig and deps next to the tests.
    private static readonly string s_cliDll = Path.Combine(AppContext.BaseDirectory, "runtimelab.dll");

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static Result Run(string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(s_cliDll);
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        startInfo.Environment.Remove("RUNTIMELAB_DEBUG");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) startInfo.Environment[name] = value;

        using var process = Process.Start(startInfo)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"runtimelab {string.Join(' ', arguments)} did not finish within 60 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
