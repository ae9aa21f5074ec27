namespace RuntimeLab.Lab.Harness;

/// <summary>Names of the measurements the harness takes itself; any other name refers to an engine's own metric.</summary>
public static class Metric
{
    public const string WallMs = "wall_ms";
    public const string CpuMs = "cpu_ms";
}
