using RuntimeLab.Lab.Harness;
using Spectre.Console;

namespace RuntimeLab.Lab.Reporting;

/// <summary>The summary table a researcher reads first: one row per (workload, engine).</summary>
public static class ResultTable
{
    public static void Write(IAnsiConsole console, ExperimentResult result)
    {
        var metricNames = result.Cells.SelectMany(cell => cell.MedianMetrics.Keys).Distinct().Order().ToList();
        var plan = result.Plan;
        var ratioEngines = plan.ReferenceEngines.Prepend(plan.BaselineEngine).Distinct().ToList();
        var table = new Table().Title(Markup.Escape(
            $"{result.Experiment}: medians of {plan.Repetitions} repetitions; × E = this engine's {plan.RatioMetric} / E's, paired by repetition{Direction(plan.RatioMetric)}"));
        table.AddColumns("workload", "engine", "status");
        table.AddColumn(new TableColumn("wall ms").RightAligned());
        table.AddColumn(new TableColumn("min–max").RightAligned());
        table.AddColumn(new TableColumn("cpu ms").RightAligned());
        table.AddColumn(new TableColumn("peak rss").RightAligned());
        foreach (var metric in metricNames)
            table.AddColumn(new TableColumn(Markup.Escape(metric)).RightAligned());
        foreach (var engine in ratioEngines)
            table.AddColumn(new TableColumn(Markup.Escape($"× {engine}")).RightAligned());

        foreach (var cell in result.Cells)
        {
            var row = new List<string>
            {
                Markup.Escape(cell.Workload),
                Markup.Escape(cell.Engine),
                StatusMarkup(cell.Status),
                Format.Milliseconds(cell.MedianWallMs),
                cell.WallSpread is { } spread ? $"{Format.Milliseconds(spread.Min)}–{Format.Milliseconds(spread.Max)}" : Format.Missing,
                Format.Milliseconds(cell.MedianCpuMs),
                Format.Bytes(cell.PeakMemoryBytes),
            };
            row.AddRange(metricNames.Select(metric =>
                Format.MetricValue(metric, cell.MedianMetrics.TryGetValue(metric, out var value) ? value : null)));
            row.AddRange(ratioEngines.Select(engine => Format.Ratio(
                engine == plan.BaselineEngine ? cell.RatioToBaseline : cell.RatiosToReferences.TryGetValue(engine, out var ratio) ? ratio : null)));
            table.AddRow(row.ToArray());
        }
        console.Write(table);
    }

    /// <summary>Which way a time ratio reads; other metrics have no "faster".</summary>
    private static string Direction(string ratioMetric) =>
        ratioMetric.EndsWith("_ms", StringComparison.Ordinal) ? " (above 1× = slower than E)" : "";

    private static string StatusMarkup(CellStatus status) => status switch
    {
        CellStatus.Ok => "[green]ok[/]",
        CellStatus.NotInstalled => "[grey]not installed[/]",
        CellStatus.Failed => "[red]FAILED[/]",
        CellStatus.TimedOut => "[red]TIMED OUT[/]",
        CellStatus.Mismatch => "[red bold]MISMATCH[/]",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
