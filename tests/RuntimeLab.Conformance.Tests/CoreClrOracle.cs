using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace RuntimeLab.Conformance.Tests;

/// <summary>
/// What CoreCLR prints for every case: computed once for a given Conformance.dll and stdin (by
/// running <c>dotnet Conformance.dll &lt;case&gt;</c>, all cases in parallel) and cached on disk in
/// .build/conformance/expected/&lt;content hash&gt;/, so repeated test runs start no processes.
/// </summary>
public static class CoreClrOracle
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
    private static readonly Lock s_gate = new();
    private static IReadOnlyDictionary<string, CaseResult>? s_results;

    /// <summary>CoreCLR's result for every case (builds the corpus if needed).</summary>
    public static IReadOnlyDictionary<string, CaseResult> Results(ConformanceCorpus corpus)
    {
        lock (s_gate)
        {
            if (s_results is not null) return s_results;
            corpus.EnsureBuilt();
            var directory = Path.Combine(corpus.BuildRoot, "expected", CacheKey(corpus));
            var names = corpus.CaseNames;
            if (!names.All(name => File.Exists(Path.Combine(directory, name + ".exit"))))
                Compute(corpus, names, directory);
            return s_results = names.ToDictionary(name => name, name => Load(directory, name), StringComparer.Ordinal);
        }
    }

    public static CaseResult Result(ConformanceCorpus corpus, string caseName) =>
        Results(corpus).TryGetValue(caseName, out var result)
            ? result
            : throw new ConformanceCorpusException($"no CoreCLR result for case {caseName}: is it missing from Cases/?");

    /// <summary>The build output and stdin determine the output: hash them all (not just the dll, whose deps/runtimeconfig matter too).</summary>
    private static string CacheKey(ConformanceCorpus corpus)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { "Conformance.dll", "Conformance.runtimeconfig.json", "Conformance.deps.json" })
        {
            var path = Path.Combine(corpus.OutputDirectory, file);
            if (File.Exists(path)) hash.AppendData(File.ReadAllBytes(path));
        }
        hash.AppendData(File.ReadAllBytes(corpus.StdinFile));
        // The runtime version is part of the oracle: a new CoreCLR may print differently.
        hash.AppendData(Encoding.UTF8.GetBytes(Environment.Version.ToString()));
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }

    private static void Compute(ConformanceCorpus corpus, IReadOnlyList<string> names, string directory)
    {
        // Written to a private directory and renamed into place, so a parallel test process never
        // reads a half-written cache; if another process won the race, its results are as good.
        var temporary = directory + ".tmp-" + Environment.ProcessId;
        Directory.CreateDirectory(temporary);
        var stdin = corpus.Stdin;
        var results = new CaseResult[names.Count];
        Parallel.For(0, names.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount) },
            i => results[i] = Run(corpus, names[i], stdin));
        for (var i = 0; i < names.Count; i++)
        {
            File.WriteAllText(Path.Combine(temporary, names[i] + ".out"), results[i].Stdout);
            File.WriteAllText(Path.Combine(temporary, names[i] + ".err"), results[i].Stderr);
            File.WriteAllText(Path.Combine(temporary, names[i] + ".exit"), results[i].ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true); // an incomplete cache from an older case list
            Directory.Move(temporary, directory);
        }
        catch (IOException) when (Directory.Exists(directory))
        {
            Directory.Delete(temporary, recursive: true);
        }
        // Results for earlier builds of the corpus are never read again.
        foreach (var stale in Directory.EnumerateDirectories(Path.GetDirectoryName(directory)!))
            if (stale != directory && !stale.Contains(".tmp-", StringComparison.Ordinal))
                try { Directory.Delete(stale, recursive: true); } catch (IOException) { }
    }

    private static CaseResult Load(string directory, string name) =>
        new(File.ReadAllText(Path.Combine(directory, name + ".out")),
            File.ReadAllText(Path.Combine(directory, name + ".err")),
            int.Parse(File.ReadAllText(Path.Combine(directory, name + ".exit")), System.Globalization.CultureInfo.InvariantCulture));

    private static bool IsRuntimeKnob(string variable) =>
        (variable.StartsWith("DOTNET_", StringComparison.Ordinal) || variable.StartsWith("COMPlus_", StringComparison.Ordinal)) &&
        !variable.StartsWith("DOTNET_ROOT", StringComparison.Ordinal);

    /// <summary>Runs <c>dotnet Conformance.dll &lt;arguments&gt;</c> on CoreCLR with <paramref name="stdin"/> fed.</summary>
    public static CaseResult Run(ConformanceCorpus corpus, string argument, string stdin)
    {
        var startInfo = new ProcessStartInfo(ConformanceCorpus.DotnetHost)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
            WorkingDirectory = corpus.OutputDirectory,
        };
        startInfo.ArgumentList.Add(corpus.Assembly);
        startInfo.ArgumentList.Add(argument);
        // The oracle must not depend on how the test host was started: no inherited runtime knobs.
        foreach (var variable in startInfo.Environment.Keys.Where(IsRuntimeKnob).ToList())
            startInfo.Environment.Remove(variable);
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // A crash dump on the deliberate unhandled exception would only cost time.
        startInfo.Environment["DOTNET_DbgEnableMiniDump"] = "0";

        using var process = Process.Start(startInfo)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"CoreCLR run of case {argument} did not finish within {s_timeout.TotalSeconds} s");
        }
        process.WaitForExit(); // drains the redirected streams
        return new CaseResult(stdout.Result, stderr.Result, process.ExitCode);
    }
}
