using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Tests;

public class AvailabilityTests
{
    private static readonly ProcessEngine Missing =
        new("ghost", "not on any machine", "runtimelab-no-such-executable", [], "sudo apt-get install ghost-runtime");

    [Fact]
    public void MissingExecutableIsNotInstalledWithInstallHint()
    {
        var availability = Missing.CheckAvailability();

        Assert.False(availability.IsAvailable);
        Assert.Contains("runtimelab-no-such-executable", availability.Reason);
        Assert.Contains("sudo apt-get install ghost-runtime", availability.Reason);
    }

    [Fact]
    public void ExecutableOnPathIsAvailable() =>
        Assert.True(new ProcessEngine("sh", "a shell", "sh", [], "sudo apt-get install dash").CheckAvailability().IsAvailable);

    [Fact]
    public void MissingEngineIsReportedButNotRunAndNotAFailure()
    {
        var result = TestExperiment.Run(TestExperiment.Plan("present", TestExperiment.Printing("present", "1"), Missing));

        var cell = result.Cells.Single(c => c.Engine == Missing.Name);
        Assert.Equal(CellStatus.NotInstalled, cell.Status);
        Assert.DoesNotContain(result.Runs, run => run.Engine == Missing.Name);
        Assert.True(result.Succeeded);
    }
}
