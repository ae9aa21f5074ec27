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

    [Fact]
    public void ReferenceEnginesGetTheirOwnRatioBesideTheBaselines()
    {
        const double baselineMs = 10, nativeMs = 4, slowMs = 40;
        var plan = TestExperiment.Plan("base", Reporting("base", baselineMs, baselineMs, baselineMs),
                Reporting("native", nativeMs, nativeMs, nativeMs), Reporting("slow", slowMs, slowMs, slowMs))
            with { RatioMetric = "exec_ms", ReferenceEngines = ["native"] };

        var slow = TestExperiment.Run(plan).Cells.Single(c => c.Engine == "slow");

        Assert.Equal(slowMs / baselineMs, slow.RatioToBaseline);
        Assert.Equal(slowMs / nativeMs, slow.RatiosToReferences["native"]);
    }

    [Fact]
    public void AReferenceThatDisagreesGivesNoRatio()
    {
        static InProcessEngine Printing(string name, string stdout) =>
            new(name, "prints a fixed text in a fixed exec_ms", (_, _) => new EngineOutput(stdout, new Dictionary<string, double> { ["exec_ms"] = 5 }));
        var plan = TestExperiment.Plan("base", Printing("base", "same"), Printing("wrong", "other"), Printing("right", "same"))
            with { ReferenceEngines = ["wrong"], RatioMetric = "exec_ms" };

        var result = TestExperiment.Run(plan);

        Assert.Empty(result.Cells.Single(c => c.Engine == "right").RatiosToReferences);
        Assert.Equal(1.0, result.Cells.Single(c => c.Engine == "right").RatioToBaseline);
    }

    [Fact]
    public void AReferenceMustBeAnEngineOfThePlan()
    {
        var plan = TestExperiment.Plan("base", TestExperiment.Printing("base", "same")) with { ReferenceEngines = ["native"] };

        Assert.Contains("native", Assert.Throws<ArgumentException>(plan.Validate).Message);
    }
}
