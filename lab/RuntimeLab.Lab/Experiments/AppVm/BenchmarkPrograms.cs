using System.ComponentModel;
using System.Diagnostics;
using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Experiments.AppVm;

/// <summary>The benchmark programs could not be found or built; the message says why.</summary>
public sealed class BenchmarkProgramsException(string message) : Exception(message);

/// <summary>
/// The application-VM benchmarks in bytecode/benchmarks: one C# file per program (NAME/NAME.cs), built twice
/// from the same source: by the .NET SDK for CoreCLR and RuntimeLab (bin/NAME/NAME.dll, through
/// Benchmarks.proj), and by Mono's mcs for Mono (bin/mono/NAME.exe), because Mono 6.8 cannot load net10.0
/// assemblies. Builds are skipped when the outputs are newer than their sources.
/// </summary>
public sealed class BenchmarkPrograms
{
    public const string HomeVariable = "RUNTIMELAB_HOME";
    private static readonly Lock s_buildGate = new();

    /// <summary>The repository root (the folder holding RuntimeLab.sln and bytecode/).</summary>
    public string RepositoryRoot { get; }

    /// <summary>bytecode/benchmarks.</summary>
    public string Root { get; }

    private BenchmarkPrograms(string repositoryRoot)
    {
        RepositoryRoot = repositoryRoot;
        Root = Path.Combine(repositoryRoot, "bytecode", "benchmarks");
    }

    /// <summary>bytecode/benchmarks under RUNTIMELAB_HOME, else the nearest one above this program.</summary>
    public static BenchmarkPrograms Locate()
    {
        var home = Environment.GetEnvironmentVariable(HomeVariable);
        var starts = string.IsNullOrEmpty(home) ? [AppContext.BaseDirectory] : new[] { home, AppContext.BaseDirectory };
        foreach (var start in starts)
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "bytecode", "benchmarks", "Benchmarks.proj")))
                    return new BenchmarkPrograms(directory.FullName);
            }
        throw new BenchmarkProgramsException(
            $"cannot find bytecode/benchmarks above {AppContext.BaseDirectory}; set {HomeVariable} to the RuntimeLab source tree.");
    }

    /// <summary>The programs: every NAME folder holding NAME.cs, in name order.</summary>
    public IReadOnlyList<string> Names =>
        Directory.EnumerateDirectories(Root)
            .Select(Path.GetFileName)
            .Where(name => File.Exists(Source(name!)))
            .Order(StringComparer.Ordinal)
            .ToList()!;

    public string Source(string name) => Path.Combine(Root, name, name + ".cs");

    /// <summary>The SDK-built assembly that CoreCLR and RuntimeLab run.</summary>
    public string Assembly(string name) => Path.Combine(Root, "bin", name, name + ".dll");

    /// <summary>The mcs-built assembly that Mono runs.</summary>
    public string MonoAssembly(string name) => Path.Combine(Root, "bin", "mono", name + ".exe");

    /// <summary>RuntimeLab's CLI as the launcher builds it (Release).</summary>
    public string RuntimeLabCli => Path.Combine(RepositoryRoot, "src", "RuntimeLab.Cli", "bin", "Release", "net10.0", "runtimelab.dll");

    /// <summary>Builds the SDK assemblies when a source or build setting is newer than one of them.</summary>
    /// <exception cref="BenchmarkProgramsException">dotnet or flock is missing, or the build failed.</exception>
    public BenchmarkPrograms EnsureBuilt()
    {
        lock (s_buildGate)
        {
            if (Names.All(name => IsUpToDate(Assembly(name), BuildInputs(name))))
                return this;
            var bin = Path.Combine(Root, "bin");
            Directory.CreateDirectory(bin);
            // Test assemblies run in parallel processes: flock keeps two builds from writing one assembly at once.
            var (exitCode, output) = RunTool("flock",
                [Path.Combine(bin, ".lock"), "dotnet", "build", Path.Combine(Root, "Benchmarks.proj"), "-c", "Release",
                 "-nologo", "-v", "q", "-tl:off", "--disable-build-servers"],
                "flock or dotnet not found: the benchmarks cannot be built. Install with: apt-get install -y util-linux dotnet-sdk-10.0");
            if (exitCode != 0)
                throw new BenchmarkProgramsException($"building bytecode/benchmarks/Benchmarks.proj failed:\n{output.Trim()}");
            var missing = Names.FirstOrDefault(name => !File.Exists(Assembly(name)));
            if (missing is not null)
                throw new BenchmarkProgramsException($"building the benchmarks did not produce {Assembly(missing)}");
            return this;
        }
    }

    /// <summary>
    /// Builds Mono's copies with <c>mcs -optimize+</c> where out of date. Each is written to a temporary file and
    /// renamed into place, so a concurrent build never leaves a half-written assembly that a Mono run could load.
    /// </summary>
    /// <returns>Null when every copy is built, else why Mono cannot run the benchmarks (mcs missing or failing).</returns>
    public string? EnsureMonoBuilt()
    {
        lock (s_buildGate)
        {
            if (ExecutableLocator.Find("mcs") is null)
                return "not installed: mcs, install with apt-get install -y mono-mcs";
            Directory.CreateDirectory(Path.Combine(Root, "bin", "mono"));
            foreach (var name in Names)
            {
                var target = MonoAssembly(name);
                if (IsUpToDate(target, [Source(name)]))
                    continue;
                var temporary = $"{target}.{Environment.ProcessId}.tmp";
                var (exitCode, output) = RunTool("mcs", ["-optimize+", "-nologo", $"-out:{temporary}", Source(name)], "mcs not found");
                if (exitCode != 0)
                {
                    File.Delete(temporary);
                    return $"mcs failed on {name}.cs: {output.Trim()}";
                }
                File.Move(temporary, target, overwrite: true);
            }
            return null;
        }
    }

    private IEnumerable<string> BuildInputs(string name) =>
    [
        Source(name),
        Path.Combine(Root, name, name + ".csproj"),
        Path.Combine(Root, "Directory.Build.props"),
        Path.Combine(Root, "Benchmarks.proj"),
        Path.Combine(RepositoryRoot, "Directory.Build.props"),
    ];

    private static bool IsUpToDate(string output, IEnumerable<string> inputs)
    {
        if (!File.Exists(output)) return false;
        var built = File.GetLastWriteTimeUtc(output);
        return inputs.Where(File.Exists).All(input => File.GetLastWriteTimeUtc(input) <= built);
    }

    private static (int ExitCode, string Output) RunTool(string executable, IReadOnlyList<string> arguments, string notFound)
    {
        var startInfo = new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // No MSBuild node or compiler server may outlive the build and hold the caller's pipes open.
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (Win32Exception)
        {
            throw new BenchmarkProgramsException(notFound);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, (output.Result + errors).Trim());
        }
    }
}
