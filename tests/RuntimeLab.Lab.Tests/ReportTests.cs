using System.Text.Json;
using RuntimeLab.Lab.Harness;
using RuntimeLab.Lab.Reporting;
using Spectre.Console;

namespace RuntimeLab.Lab.Tests;

public sealed class ReportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "runtimelab-report-" + Guid.NewGuid().ToString("N"));

    private static ExperimentResult MixedResult() => TestExperiment.Run(TestExperiment.Plan("a",
        TestExperiment.Printing("a", "same"),
        TestExperiment.Printing("b", "other"),
        new InProcessEngine("c", "fails", (_, _) => throw new InvalidOperationException("bad, \"quoted\" reason"))));

    [Fact]
    public void CsvHasOneRowPerRunAndPerCellPlusHeaders()
    {
        var result = MixedResult();

        ReportWriter.WriteAll(result, _directory);

        Assert.Equal(result.Runs.Count + 1, File.ReadAllLines(Path.Combine(_directory, ReportWriter.RunsCsv)).Length);
        Assert.Equal(result.Cells.Count + 1, File.ReadAllLines(Path.Combine(_directory, ReportWriter.SummaryCsv)).Length);
        Assert.Contains("\"InvalidOperationException: bad, \"\"quoted\"\" reason\"",
            File.ReadAllText(Path.Combine(_directory, ReportWriter.RunsCsv)));
    }

    [Fact]
    public void JsonParsesBackWithEveryRunAndCell()
    {
        var result = MixedResult();

        ReportWriter.WriteAll(result, _directory);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, ReportWriter.ResultJson)));
        var root = json.RootElement;
        Assert.Equal(result.Experiment, root.GetProperty("experiment").GetString());
        Assert.Equal(result.Runs.Count, root.GetProperty("runs").GetArrayLength());
        Assert.Equal(result.Cells.Count, root.GetProperty("cells").GetArrayLength());
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("machine").GetProperty("processorCount").GetInt32());
        Assert.Equal(nameof(CellStatus.Mismatch), root.GetProperty("cells")[1].GetProperty("status").GetString());
    }

    [Fact]
    public void ProblemReportGivesAMissingEngineOneLineAndEachFailedCellItsOwn()
    {
        var plan = TestExperiment.Plan("a",
            TestExperiment.Printing("a", "same"),
            new ProcessEngine("gone", "not on this machine", "/nonexistent/runtime", [], "apt-get install -y gone"),
            new ProcessEngine("gone-too", "its other mode", "/nonexistent/runtime", ["--mode"], "apt-get install -y gone"),
            new InProcessEngine("c", "fails", (_, _) => throw new InvalidOperationException("bad"))) with
        {
            Workloads = [new Workload("w1", "first"), new Workload("w2", "second")],
        };
        var text = new StringWriter();

        ProblemReport.Write(text, TestExperiment.Run(plan));

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, line => line.Contains("gone"));
        Assert.Contains(lines, line => line.StartsWith("skipped: gone, gone-too on every workload") && line.Contains("apt-get install -y gone"));
        Assert.Equal(2, lines.Count(line => line.StartsWith("FAILED:") && line.Contains(" on c:")));
    }

    [Fact]
    public void TableShowsEachCellsStatus()
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 200;

        ResultTable.Write(console, MixedResult());

        Assert.Contains("MISMATCH", text.ToString());
        Assert.Contains("FAILED", text.ToString());
    }

    [Fact]
    public void EachReferenceEngineHasARatioColumnInTheTableAndTheSummary()
    {
        // Fixed exec_ms figures, so the ratio is known: wall times of engines this small can round to zero.
        static InProcessEngine Taking(string name, double execMs) =>
            new(name, "reports a fixed exec_ms", (_, _) => new EngineOutput("same", new Dictionary<string, double> { ["exec_ms"] = execMs }));
        var result = TestExperiment.Run(TestExperiment.Plan("a", Taking("a", 10), Taking("native", 4))
            with { ReferenceEngines = ["native"], RatioMetric = "exec_ms" });
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 200;

        ResultTable.Write(console, result);
        ReportWriter.WriteAll(result, _directory);

        Assert.Contains("× a", text.ToString());
        Assert.Contains("× native", text.ToString());
        Assert.Contains("2.50×", text.ToString());
        var summary = File.ReadAllLines(Path.Combine(_directory, ReportWriter.SummaryCsv));
        var column = Array.IndexOf(summary[0].Split(','), "ratio_to:native");
        Assert.True(column >= 0, summary[0]);
        var row = summary.Single(line => line.StartsWith("w,a,"));
        Assert.Equal(10.0 / 4, double.Parse(row.Split(',')[column], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DefaultDirectoryNamesExperimentAndStartTime() =>
        Assert.Equal(Path.Combine("out", "lab", "startup-20250102-030405"),
            ReportWriter.DefaultDirectory("startup", new DateTime(2025, 1, 2, 3, 4, 5)));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }
}
