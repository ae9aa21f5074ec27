using System.Diagnostics;

namespace RuntimeLab.Verifier.Tests;

/// <summary>Builds the C# programs under bytecode/ with the standard SDK, once per run, into .build/verifier/.</summary>
internal static class ProgramBuilds
{
    private static readonly Dictionary<string, string> Built = [];

    /// <summary>The built dll of the project in <paramref name="projectDirectory"/> (relative to the repository).</summary>
    public static string Build(string projectDirectory, string assemblyName)
    {
        lock (Built)
        {
            if (Built.TryGetValue(projectDirectory, out var known)) return known;
            var output = Path.Combine(Corpus.RepositoryRoot, ".build", "verifier", projectDirectory.Replace('/', '-'));
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "build", Path.Combine(Corpus.RepositoryRoot, projectDirectory), "-c", "Release", "-o", output, "-nologo", "-v", "q" })
                start.ArgumentList.Add(a);
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            using var p = Process.Start(start)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, $"building {projectDirectory} failed:\n{stdout.Result}{stderr.Result}");
            return Built[projectDirectory] = Path.Combine(output, assemblyName + ".dll");
        }
    }
}
