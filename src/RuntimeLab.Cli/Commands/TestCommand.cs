using System.CommandLine;
using System.Diagnostics;
using RuntimeLab.Cli.Help;
using RuntimeLab.Cli.Hosting;
using RuntimeLab.Cli.Testing;

namespace RuntimeLab.Cli.Commands;

/// <summary><c>runtimelab test [-- DOTNET-TEST-ARGS…]</c>: dotnet test on the whole solution, then "N passed, N failed".</summary>
public static class TestCommand
{
    // The launcher builds Release; testing the same configuration keeps dotnet test's build a no-op
    // and never rewrites the runtimelab.dll that is running this command.
    private const string Configuration = "Release";

    public static Command Create()
    {
        var passThrough = new Argument<string[]>("dotnet-test-args")
        {
            Description = "Extra arguments for dotnet test, after --",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("test", "Run the test suite (dotnet test, Release) and print a 'N passed, N failed' summary.") { passThrough };
        command.SetAction(parseResult => Run(parseResult.GetValue(passThrough) ?? []));
        return Examples.Attach(command, "runtimelab test", "runtimelab test -- --filter FullyQualifiedName~Jit");
    }

    private static int Run(string[] extraArguments)
    {
        var startInfo = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot.Find(),
        };
        foreach (var argument in (string[])["test", RepoRoot.SolutionFile, "-c", Configuration, "--nologo", .. extraArguments])
            startInfo.ArgumentList.Add(argument);
        // No MSBuild nodes or build servers outliving the run: they would inherit our stdout/stderr
        // and keep a caller's pipe (CI, $(…)) open after we exit.
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["UseSharedCompilation"] = "false";

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start dotnet test");
        // Stream the output as it comes (stderr is inherited untouched) while counting results.
        var summary = new TestRunSummary();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            Console.Out.WriteLine(line);
            summary.Add(line);
        }
        process.WaitForExit();
        Console.Out.WriteLine(summary);
        return process.ExitCode;
    }
}
