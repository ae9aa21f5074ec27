using System.Globalization;
using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Reporting;

/// <summary>Writes the file reports of a result into one folder.</summary>
public static class ReportWriter
{
    public const string RunsCsv = "runs.csv";
    public const string SummaryCsv = "summary.csv";
    public const string ResultJson = "result.json";
    public const string RatioSvg = "ratios.svg";

    /// <summary><c>out/lab/EXPERIMENT-yyyyMMdd-HHmmss</c> under the current directory.</summary>
    public static string DefaultDirectory(string experiment, DateTime startedAt) =>
        Path.Combine("out", "lab", $"{experiment}-{startedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");

    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> WriteAll(ExperimentResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var runs = Path.Combine(directory, RunsCsv);
        var summary = Path.Combine(directory, SummaryCsv);
        var json = Path.Combine(directory, ResultJson);
        using (var writer = new StreamWriter(runs))
            CsvReport.WriteRuns(writer, result);
        using (var writer = new StreamWriter(summary))
            CsvReport.WriteSummary(writer, result);
        using (var stream = File.Create(json))
            JsonReport.Write(stream, result);
        var chart = Path.Combine(directory, RatioSvg);
        RatioChart.Render(result).Save(chart);
        return [runs, summary, json, chart];
    }
}
