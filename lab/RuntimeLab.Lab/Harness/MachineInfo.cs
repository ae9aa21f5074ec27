using System.Runtime.InteropServices;

namespace RuntimeLab.Lab.Harness;

/// <summary>The machine a result came from, so numbers from different machines are not compared unknowingly.</summary>
public sealed record MachineInfo(
    string MachineName,
    int ProcessorCount,
    string? CpuModel,
    string OperatingSystem,
    string Architecture,
    string DotNetVersion,
    DateTimeOffset Date)
{
    public static MachineInfo Capture() => new(
        Environment.MachineName,
        Environment.ProcessorCount,
        ReadCpuModel(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription,
        DateTimeOffset.Now);

    private static string? ReadCpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
            return null;
        var modelLine = File.ReadLines(cpuInfo).FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal));
        return modelLine?[(modelLine.IndexOf(':') + 1)..].Trim();
    }
}
