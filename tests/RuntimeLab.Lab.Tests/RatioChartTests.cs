using System.Globalization;
using System.Xml.Linq;
using RuntimeLab.Lab.Harness;
using RuntimeLab.Lab.Reporting;

namespace RuntimeLab.Lab.Tests;

public sealed class RatioChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static InProcessEngine Timed(string name, double execMs) =>
        new(name, "fixed exec time", (_, _) => new EngineOutput("same", new Dictionary<string, double> { ["exec_ms"] = execMs }));

    [Fact]
    public void BarsAreOnALogAxisAroundTheBaselineAndMissingCellsAreNamed()
    {
        var plan = TestExperiment.Plan("base", Timed("base", 10), Timed("half", 5), Timed("double", 20),
            new ProcessEngine("absent", "not on this machine", "/no/such/peer", [], "apt-get install nothing")) with { RatioMetric = "exec_ms" };
        var chart = RatioChart.Render(TestExperiment.Run(plan));

        var bars = chart.Descendants(Svg + "rect").Where(r => r.Attribute("data-ratio") is not null)
            .ToDictionary(r => double.Parse(r.Attribute("data-ratio")!.Value, CultureInfo.InvariantCulture), r => r);
        Assert.Equal([0.5, 1.0, 2.0], bars.Keys.Order());
        double Width(double ratio) => double.Parse(bars[ratio].Attribute("width")!.Value, CultureInfo.InvariantCulture);
        double Left(double ratio) => double.Parse(bars[ratio].Attribute("x")!.Value, CultureInfo.InvariantCulture);
        // log₂ axis: half and double are equally long, one on each side of the baseline line.
        Assert.Equal(Width(0.5), Width(2.0), 0.5);
        var baseline = chart.Descendants(Svg + "line").Single(l => l.Attribute("class")?.Value == "baseline");
        var baselineX = double.Parse(baseline.Attribute("x1")!.Value, CultureInfo.InvariantCulture);
        Assert.Equal(baselineX, Left(0.5) + Width(0.5), 0.5);
        Assert.Equal(baselineX, Left(2.0), 0.5);
        Assert.Contains(chart.Descendants(Svg + "text"), t => t.Value == "not installed");
    }
}
