using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Tests;

public class OutputCheckTests
{
    [Fact]
    public void EngineWithDifferentChecksumIsMismatchAndOthersOk()
    {
        var result = TestExperiment.Run(TestExperiment.Plan("a",
            TestExperiment.Printing("a", "checksum 42\n"),
            TestExperiment.Printing("b", "checksum 41\n"),
            TestExperiment.Printing("c", "checksum 42\n")));

        Assert.Equal(CellStatus.Ok, Cell(result, "a").Status);
        Assert.Equal(CellStatus.Mismatch, Cell(result, "b").Status);
        Assert.Equal(CellStatus.Ok, Cell(result, "c").Status);
        Assert.Contains("line 1", Cell(result, "b").Detail);
        Assert.Null(Cell(result, "b").MedianWallMs);
        Assert.True(result.HasMismatch);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void OutputChangingBetweenRepetitionsIsMismatch()
    {
        int calls = 0;
        var drifting = new InProcessEngine("drifting", "prints its call count", (_, _) => new EngineOutput($"{++calls}"));

        var result = TestExperiment.Run(TestExperiment.Plan("drifting", drifting));

        Assert.Equal(CellStatus.Mismatch, Cell(result, "drifting").Status);
        Assert.Contains("repetition 2", Cell(result, "drifting").Detail);
    }

    [Fact]
    public void WithoutBaselineOutputTheFirstEngineThatRanIsTheReference()
    {
        var broken = new InProcessEngine("broken", "throws", (_, _) => throw new InvalidOperationException("no output"));

        var result = TestExperiment.Run(TestExperiment.Plan("broken",
            broken, TestExperiment.Printing("x", "1"), TestExperiment.Printing("y", "2")));

        Assert.Equal(CellStatus.Failed, Cell(result, "broken").Status);
        Assert.Equal(CellStatus.Ok, Cell(result, "x").Status);
        Assert.Equal(CellStatus.Mismatch, Cell(result, "y").Status);
        Assert.Contains("differs from x", Cell(result, "y").Detail);
    }

    [Fact]
    public void NonComparableWorkloadAllowsDifferentOutputsAcrossEngines()
    {
        var plan = TestExperiment.Plan("a", TestExperiment.Printing("a", "version 1"), TestExperiment.Printing("b", "version 2"));
        plan = plan with { Workloads = [new Workload("w", "versions differ") { OutputsComparable = false }] };

        var result = TestExperiment.Run(plan);

        Assert.All(result.Cells, cell => Assert.Equal(CellStatus.Ok, cell.Status));
    }

    private static CellSummary Cell(ExperimentResult result, string engine) => result.Cells.Single(cell => cell.Engine == engine);
}
