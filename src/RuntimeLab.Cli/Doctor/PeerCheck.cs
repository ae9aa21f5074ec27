using System.Text.RegularExpressions;
using RuntimeLab.Cli.Hosting;

namespace RuntimeLab.Cli.Doctor;

/// <summary>An optional tool RuntimeLab compares against or builds guests with.</summary>
public sealed record Peer(string Name, string[] VersionArguments, string[] DebianPackages);

/// <summary>Is a peer on PATH, and which version: asked with a timeout so doctor never hangs.</summary>
public static partial class PeerCheck
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static IReadOnlyList<Peer> Peers { get; } =
    [
        new("mono", ["--version"], ["mono-runtime", "mono-mcs"]),
        // java -version writes to stderr; ProcessRunner reads both streams.
        new("java", ["-version"], ["openjdk-17-jdk-headless"]),
        new("qemu-i386", ["--version"], ["qemu-user"]),
        new("qemu-system-i386", ["--version"], ["qemu-system-x86"]),
        // bochs prints its banner to stderr and may prompt; stdin is closed by ProcessRunner.
        new("bochs", ["--help"], ["bochs", "bochsbios"]),
        new("nasm", ["-v"], ["nasm"]),
    ];

    public static async Task<Finding> RunAsync(Peer peer)
    {
        var path = ExecutableSearch.Find(peer.Name);
        if (path is null)
            return new Finding(peer.Name, FindingStatus.Missing, $"not on PATH. Install with: {DebianInstall.Command(peer.DebianPackages)}");
        return new Finding(peer.Name, FindingStatus.Ok, $"{await VersionAsync(path, peer.VersionArguments)}  {path}");
    }

    /// <summary>The first dotted version number the tool prints, or why there is none.</summary>
    public static async Task<string> VersionAsync(string path, string[] arguments)
    {
        var outcome = await ProcessRunner.RunAsync(path, arguments, ProbeTimeout);
        if (outcome.TimedOut) return $"version unknown (no answer within {ProbeTimeout.TotalSeconds:0} s)";
        return ExtractVersion(outcome.CombinedOutput) ?? "version unknown";
    }

    /// <summary>"gcc (Debian 12.2.0-14) 12.2.0" → "12.2.0"; "openjdk version \"17.0.13\"" → "17.0.13".</summary>
    public static string? ExtractVersion(string output)
    {
        var match = DottedNumber().Match(output);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"\d+(?:\.\d+)+")]
    private static partial Regex DottedNumber();
}
