using System.Diagnostics;
using RuntimeLab.Runtime;

namespace RuntimeLab.AppVm.Tests;

/// <summary>Builds a program under bytecode/ with the standard SDK, once per test run, under a lock.</summary>
internal static class SampleProgram
{
    private static readonly Lazy<string> RepositoryRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RuntimeLab.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    });

    public static string Root => RepositoryRoot.Value;

    /// <summary>Path of the built dll of bytecode/samples/<paramref name="name"/>.</summary>
    public static string Build(string name)
    {
        var project = Path.Combine(Root, "bytecode", "samples", name);
        var output = Path.Combine(project, "bin", "test-build");
        var dll = Path.Combine(output, name + ".dll");
        // Tests run in parallel in this process (the monitor) and other checkouts may build too (the file).
        lock (BuildGate)
        {
            using var gate = OpenExclusively(Path.Combine(output, "..", $"{name}.build-lock"));
            return BuildLocked(project, output, dll, name);
        }
    }

    private static readonly object BuildGate = new();

    private static FileStream OpenExclusively(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static string BuildLocked(string project, string output, string dll, string name)
    {
        var newest = Directory.EnumerateFiles(project, "*.cs*").Max(File.GetLastWriteTimeUtc);
        if (File.Exists(dll) && File.GetLastWriteTimeUtc(dll) >= newest) return dll;
        var (code, stdout, _) = Run("dotnet", ["build", project, "-c", "Release", "-o", output, "-nologo", "-v", "q"], "");
        Assert.True(code == 0, $"building {name} failed:\n{stdout}");
        return dll;
    }

    public static (int Code, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, string stdin)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var p = Process.Start(start)!;
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs an assembly on RuntimeLab in this process.</summary>
    public static (int Code, string Stdout, string Stderr) RunOnRuntimeLab(string dll, IReadOnlyList<string> args, RunOptions? options = null)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = Runtime.AppVm.Run(dll, args, new AppIo(new StringReader(""), stdout, stderr), options ?? new RunOptions());
        return (code, stdout.ToString(), stderr.ToString());
    }
}
