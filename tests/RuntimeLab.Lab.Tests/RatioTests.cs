using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Tests;

public class RatioTests
{
    private static InProcessEngine Reporting(string name, params double[] execMsPerRepetition)
    {
        int repetition = 0;
        return new(name, "reports a fixed exec_ms", (_, _) =>
            new EngineOutput("same", new Dictionary<string, double> { ["exec_ms"] = execMsPerRepetition[repetition++] }));
    }

    [Fact]
    public void RatioOnChosenMetricIsEngineOverBaseline()
    {
        const double baselineMs = 10, slowerMs = 20;
        var plan = TestExperiment.Plan("base", Reporting("base", baselineMs, baselineMs, baselineMs), Reporting("slow", slowerMs, slowerMs, slowerMs))
            with { RatioMetric = "exec_ms" };

        var result = TestExperiment.Run(plan);

        Assert.Equal(slowerMs / baselineMs, result.Cells.Single(c => c.Engine == "slow").RatioToBaseline);
        Assert.Equal(1.0, result.Cells.Single(c => c.Engine == "base").RatioToBaseline);
        Assert.Equal(slowerMs, result.Cells.Single(c => c.Engine == "slow").MedianMetrics["exec_ms"]);
    }

    [Fact]
    public void RatioIsTheMedianOfSameRepetitionRatiosNotTheRatioOfMedians()
    {
        double[] baseline = [10, 10, 40];
        double[] other = [20, 30, 40];
        var plan = TestExperiment.Plan("base", Reporting("base", baseline), Reporting("other", other)) with { RatioMetric = "exec_ms" };

        var result = TestExperiment.Run(plan);

        var pairedRatios = baseline.Zip(other, (b, o) => o / b).Order().ToArray();
        Assert.Equal(pairedRatios[1], result.Cells.Single(c => c.Engine == "other").RatioToBaseline);
    }
}
