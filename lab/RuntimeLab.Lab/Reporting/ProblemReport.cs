using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Reporting;

/// <summary>One plain line per cell that is not ok, saying why: the details the table has no room for.</summary>
public static class ProblemReport
{
    public static void Write(TextWriter writer, ExperimentResult result)
    {
        foreach (var cell in result.Cells.Where(cell => cell.Status != CellStatus.Ok))
            writer.WriteLine($"{Label(cell.Status)} {cell.Workload} on {cell.Engine}: {cell.Detail}");
    }

    private static string Label(CellStatus status) => status switch
    {
        CellStatus.NotInstalled => "skipped:",
        CellStatus.Failed => "FAILED:",
        CellStatus.TimedOut => "TIMED OUT:",
        CellStatus.Mismatch => "MISMATCH:",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
