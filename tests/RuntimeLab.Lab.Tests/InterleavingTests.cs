using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Tests;

public class InterleavingTests
{
    [Fact]
    public void StartingEngineRotatesEachRepetitionAndWarmupsAreNotRecorded()
    {
        var calls = new List<string>();
        InProcessEngine Recording(string name) => new(name, "records its calls", (_, _) =>
        {
            calls.Add(name);
            return new EngineOutput("same");
        });
        var plan = TestExperiment.Plan("a", Recording("a"), Recording("b"), Recording("c")) with { Warmups = 1, Repetitions = 3 };

        var result = TestExperiment.Run(plan);

        string[] warmup = ["a", "b", "c"];
        string[] measured = ["a", "b", "c", "b", "c", "a", "c", "a", "b"];
        Assert.Equal([.. warmup, .. measured], calls);
        Assert.Equal(measured, result.Runs.Select(run => run.Engine));
        Assert.Equal([0, 0, 0, 1, 1, 1, 2, 2, 2], result.Runs.Select(run => run.Repetition));
        Assert.Equal("c", result.Runs.Single(run => run.Repetition == 1 && run.Order == 1).Engine);
    }
}
