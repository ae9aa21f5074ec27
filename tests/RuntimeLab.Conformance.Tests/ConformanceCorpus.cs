using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RuntimeLab.Conformance.Tests;

/// <summary>The corpus could not be found or built; the message says why.</summary>
public sealed class ConformanceCorpusException(string message) : Exception(message);

/// <summary>
/// bytecode/conformance: its case names (from the Cases/ files, so that test discovery needs no
/// build), pending list, fixed stdin, and the built Conformance.dll under .build/conformance/.
/// </summary>
public sealed partial class ConformanceCorpus
{
    public const string HomeVariable = "RUNTIMELAB_HOME";
    private static readonly Lock s_gate = new();
    private static ConformanceCorpus? s_located;
    private static bool s_built;

    /// <summary>The repository root (the directory holding bytecode/conformance).</summary>
    public string RepositoryRoot { get; }
    public string Root => Path.Combine(RepositoryRoot, "bytecode", "conformance");
    public string ProjectFile => Path.Combine(Root, "Conformance.csproj");
    /// <summary>Build output and oracle cache: .build/ at the repository root is ignored by git.</summary>
    public string BuildRoot => Path.Combine(RepositoryRoot, ".build", "conformance");
    public string OutputDirectory => Path.Combine(BuildRoot, "bin");
    public string Assembly => Path.Combine(OutputDirectory, "Conformance.dll");
    public string StdinFile => Path.Combine(Root, "stdin.txt");
    public string PendingFile => Path.Combine(Root, "pending.txt");
    private string BuildStamp => Path.Combine(BuildRoot, "build.stamp");

    private ConformanceCorpus(string repositoryRoot) => RepositoryRoot = repositoryRoot;

    /// <summary>The corpus under RUNTIMELAB_HOME, else the nearest one above this test assembly.</summary>
    public static ConformanceCorpus Locate()
    {
        lock (s_gate)
        {
            if (s_located is not null) return s_located;
            var home = Environment.GetEnvironmentVariable(HomeVariable);
            var starts = string.IsNullOrEmpty(home) ? [AppContext.BaseDirectory] : new[] { home, AppContext.BaseDirectory };
            foreach (var start in starts)
                for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                    if (File.Exists(Path.Combine(directory.FullName, "bytecode", "conformance", "Conformance.csproj")))
                        return s_located = new ConformanceCorpus(directory.FullName);
            throw new ConformanceCorpusException(
                $"cannot find bytecode/conformance above {AppContext.BaseDirectory}; set {HomeVariable} to the RuntimeLab source tree.");
        }
    }

    /// <summary>Case names, sorted: Cases/StringsBasic.cs is the case "strings-basic".</summary>
    public IReadOnlyList<string> CaseNames =>
        Directory.EnumerateFiles(Path.Combine(Root, "Cases"), "*.cs")
            .Select(file => ToCaseName(Path.GetFileNameWithoutExtension(file)))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>PascalCase class name to kebab-case case name (the rule Program.cs follows).</summary>
    public static string ToCaseName(string className) => WordBoundary().Replace(className, "-").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex WordBoundary();

    public string Stdin => File.ReadAllText(StdinFile);

    /// <summary>pending.txt: case name to the reason it is skipped (the text after '#', or a default).</summary>
    public IReadOnlyDictionary<string, string> Pending
    {
        get
        {
            var pending = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!File.Exists(PendingFile)) return pending;
            foreach (var raw in File.ReadLines(PendingFile))
            {
                var hash = raw.IndexOf('#');
                var name = (hash < 0 ? raw : raw[..hash]).Trim();
                if (name.Length == 0) continue;
                var reason = hash < 0 ? "" : raw[(hash + 1)..].Trim();
                pending.TryAdd(name, "pending (bytecode/conformance/pending.txt): " + (reason.Length > 0 ? reason : "no reason given"));
            }
            return pending;
        }
    }

    /// <summary>All names in pending.txt in file order, duplicates kept (for the self-test).</summary>
    public IReadOnlyList<string> PendingNamesAsWritten =>
        File.ReadLines(PendingFile)
            .Select(line => (line.IndexOf('#') is var hash and >= 0 ? line[..hash] : line).Trim())
            .Where(name => name.Length > 0)
            .ToList();

    /// <summary>
    /// Builds Conformance.dll unless the last build is newer than every corpus source; once per
    /// process. Test assemblies may run in parallel processes: flock serializes the builds.
    /// </summary>
    public ConformanceCorpus EnsureBuilt()
    {
        lock (s_gate)
        {
            if (s_built) return this;
            Directory.CreateDirectory(BuildRoot);
            if (!IsUpToDate()) Build();
            s_built = true;
            return this;
        }
    }

    private bool IsUpToDate()
    {
        if (!File.Exists(Assembly) || !File.Exists(BuildStamp)) return false;
        var built = File.GetLastWriteTimeUtc(BuildStamp);
        return Sources().All(source => File.GetLastWriteTimeUtc(source) < built);
    }

    /// <summary>Everything the build reads that we own: the corpus files and the repository-wide props.</summary>
    private IEnumerable<string> Sources()
    {
        var bin = Path.Combine(Root, "bin") + Path.DirectorySeparatorChar;
        var obj = Path.Combine(Root, "obj") + Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            if (!file.StartsWith(bin, StringComparison.Ordinal) && !file.StartsWith(obj, StringComparison.Ordinal) &&
                (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".csproj", StringComparison.Ordinal)))
                yield return file;
        foreach (var props in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json" })
            if (File.Exists(Path.Combine(RepositoryRoot, props))) yield return Path.Combine(RepositoryRoot, props);
    }

    private void Build()
    {
        // The stamp is taken before the build starts: a source saved during the build makes the next
        // run build again instead of being missed.
        var started = DateTime.UtcNow;
        var startInfo = new ProcessStartInfo("flock")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in (string[])[Path.Combine(BuildRoot, ".lock"), DotnetHost, "build", ProjectFile, "-c", "Release",
                     "-o", OutputDirectory, "--nologo", "-v", "quiet", "-nodeReuse:false", "-p:UseSharedCompilation=false"])
            startInfo.ArgumentList.Add(argument);
        // No MSBuild nodes or compiler servers outliving the build: they would inherit our pipes and
        // keep ReadToEnd waiting (the same settings as runtimelab test).
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        Process process;
        try
        {
            process = Process.Start(startInfo)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new ConformanceCorpusException("flock not found: the corpus cannot be built safely. Install with: apt-get install -y util-linux");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new ConformanceCorpusException($"building {ProjectFile} failed (exit {process.ExitCode}):\n{output.Result.Trim()}\n{errors.Trim()}");
        }
        File.WriteAllText(BuildStamp, "");
        File.SetLastWriteTimeUtc(BuildStamp, started);
    }

    /// <summary>
    /// The dotnet host running these tests (the same SDK and runtime even when not on PATH), else
    /// dotnet from PATH.
    /// </summary>
    public static string DotnetHost
    {
        get
        {
            var self = Environment.ProcessPath;
            if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
            var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk) ? fromSdk : "dotnet";
        }
    }
}
