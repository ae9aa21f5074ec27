using RuntimeLab.Cli.Hosting;

namespace RuntimeLab.Cli.Doctor;

/// <summary>
/// gcc is only useful to RuntimeLab if it can build 32-bit static x86 guests, which needs
/// gcc-multilib. Asking gcc is unreliable, so a tiny program is actually compiled and linked.
/// </summary>
public static class GccCheck
{
    private static readonly TimeSpan s_compileTimeout = TimeSpan.FromSeconds(20);

    public static async Task<Finding> RunAsync()
    {
        const string name = "gcc -m32";
        var gcc = ExecutableSearch.Find("gcc");
        if (gcc is null)
            return new Finding(name, FindingStatus.Missing, $"gcc not on PATH. Install with: {DebianInstall.Command("gcc", "gcc-multilib")}");
        var version = await PeerCheck.VersionAsync(gcc, ["--version"]);
        return await CanBuild32BitStatic(gcc)
            ? new Finding(name, FindingStatus.Ok, $"{version}  {gcc}")
            : new Finding(name, FindingStatus.Incomplete, $"gcc found but -m32 missing: {DebianInstall.Command("gcc-multilib")}");
    }

    private static async Task<bool> CanBuild32BitStatic(string gcc)
    {
        var directory = Directory.CreateTempSubdirectory("runtimelab-doctor-");
        try
        {
            var source = Path.Combine(directory.FullName, "probe.c");
            await File.WriteAllTextAsync(source, "int main(){return 0;}\n");
            var outcome = await ProcessRunner.RunAsync(gcc, ["-m32", "-static", "-o", Path.Combine(directory.FullName, "probe"), source], s_compileTimeout, directory.FullName);
            return outcome.Succeeded;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
