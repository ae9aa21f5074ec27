using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Tests;

public class InProcessEngineTests
{
    [Fact]
    public void ExceptionInsideTheEngineIsAFailedCellNotACrash()
    {
        var throwing = new InProcessEngine("throwing", "throws", (_, _) => throw new InvalidOperationException("boom"));

        var result = TestExperiment.Run(TestExperiment.Plan("fine", TestExperiment.Printing("fine", "1"), throwing));

        var cell = result.Cells.Single(c => c.Engine == "throwing");
        Assert.Equal(CellStatus.Failed, cell.Status);
        Assert.Contains("boom", cell.Detail);
        Assert.Equal(CellStatus.Ok, result.Cells.Single(c => c.Engine == "fine").Status);
        Assert.True(result.HasFailure);
    }

    [Fact]
    public void EngineHonouringTheDeadlineIsTimedOut()
    {
        var waiting = new InProcessEngine("waiting", "waits for cancellation", (_, deadline) =>
        {
            Task.Delay(Timeout.Infinite, deadline).Wait(deadline);
            return new EngineOutput("never");
        });
        var plan = TestExperiment.Plan("waiting", waiting) with { Repetitions = 1, RunTimeout = TimeSpan.FromMilliseconds(100) };

        var result = TestExperiment.Run(plan);

        Assert.Equal(CellStatus.TimedOut, result.Cells.Single().Status);
    }

    [Fact]
    public void ReportsOutputMetricsWallTimeAndNoPerRunPeakMemory()
    {
        var engine = new InProcessEngine("e", "fixed", (_, _) => new EngineOutput("out", new Dictionary<string, double> { ["exec_ms"] = 4 }));

        var result = engine.Run(new Workload("w", "test workload"), CancellationToken.None);

        Assert.Equal(RunStatus.Ok, result.Status);
        Assert.Equal("out", result.Stdout);
        Assert.Equal(4, result.ValueOf("exec_ms"));
        Assert.True(result.WallMs > 0);
        Assert.Null(result.PeakMemoryBytes);
    }
}
