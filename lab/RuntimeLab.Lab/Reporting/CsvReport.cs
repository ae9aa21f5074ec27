using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Reporting;

/// <summary>
/// CSV for spreadsheets and scripts: runs.csv has one row per measured run, summary.csv one per cell.
/// Engine metrics get one column each, named "metric:NAME", and the ratio to each reference engine one named
/// "ratio_to:ENGINE". Outputs are left to the JSON report.
/// </summary>
public static class CsvReport
{
    public static void WriteRuns(TextWriter writer, ExperimentResult result)
    {
        var metricNames = result.Runs.SelectMany(run => run.Result.Metrics.Keys).Distinct().Order().ToList();
        WriteRow(writer, ["workload", "engine", "repetition", "order", "status", "exit_code", "wall_ms", "cpu_ms", "peak_rss_bytes", "failure", .. MetricHeaders(metricNames)]);
        foreach (var run in result.Runs)
        {
            var r = run.Result;
            WriteRow(writer,
            [
                run.Workload, run.Engine, Format.Raw(run.Repetition), Format.Raw(run.Order), r.Status.ToString(),
                Format.Raw(r.ExitCode), Format.Raw(r.WallMs), Format.Raw(r.CpuMs), Format.Raw(r.PeakMemoryBytes), r.FailureReason ?? "",
                .. metricNames.Select(name => Format.Raw(r.ValueOf(name))),
            ]);
        }
    }

    public static void WriteSummary(TextWriter writer, ExperimentResult result)
    {
        var metricNames = result.Cells.SelectMany(cell => cell.MedianMetrics.Keys).Distinct().Order().ToList();
        var references = result.Plan.ReferenceEngines;
        WriteRow(writer, ["workload", "engine", "status", "runs", "median_wall_ms", "min_wall_ms", "max_wall_ms", "median_cpu_ms", "peak_rss_bytes", "ratio_to_baseline", "detail",
            .. MetricHeaders(metricNames), .. references.Select(reference => "ratio_to:" + reference)]);
        foreach (var cell in result.Cells)
        {
            WriteRow(writer,
            [
                cell.Workload, cell.Engine, cell.Status.ToString(), Format.Raw(cell.Runs),
                Format.Raw(cell.MedianWallMs), Format.Raw(cell.WallSpread?.Min), Format.Raw(cell.WallSpread?.Max),
                Format.Raw(cell.MedianCpuMs), Format.Raw(cell.PeakMemoryBytes), Format.Raw(cell.RatioToBaseline), cell.Detail ?? "",
                .. metricNames.Select(name => Format.Raw(cell.MedianMetrics.TryGetValue(name, out var value) ? value : null)),
                .. references.Select(reference => Format.Raw(cell.RatiosToReferences.TryGetValue(reference, out var ratio) ? ratio : null)),
            ]);
        }
    }

    private static IEnumerable<string> MetricHeaders(IEnumerable<string> metricNames) => metricNames.Select(name => "metric:" + name);

    private static void WriteRow(TextWriter writer, IEnumerable<string> fields) =>
        writer.WriteLine(string.Join(',', fields.Select(Escape)));

    // RFC 4180: quote a field holding a separator, quote or line break, doubling inner quotes.
    private static string Escape(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : '"' + field.Replace("\"", "\"\"") + '"';
}
