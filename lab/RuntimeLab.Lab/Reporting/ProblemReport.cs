using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Reporting;

/// <summary>
/// One plain line per cell that is not ok, saying why: the details the table has no room for. An engine that is
/// not installed is missing for every workload, so it gets one line, not one per workload, and engines missing
/// for the same reason (e.g. two modes of one peer) share that line.
/// </summary>
public static class ProblemReport
{
    public static void Write(TextWriter writer, ExperimentResult result)
    {
        foreach (var missing in result.Cells.Where(cell => cell.Status == CellStatus.NotInstalled).GroupBy(cell => cell.Detail))
        {
            var engines = string.Join(", ", missing.Select(cell => cell.Engine).Distinct());
            writer.WriteLine($"{Label(CellStatus.NotInstalled)} {engines} on every workload: {missing.Key}");
        }
        foreach (var cell in result.Cells.Where(cell => cell.Status is not (CellStatus.Ok or CellStatus.NotInstalled)))
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
