using RuntimeLab.Cli.Testing;

namespace RuntimeLab.Cli.Tests;

public class TestRunSummaryTests
{
    [Fact]
    public void SumsPerProjectResultLinesAndIgnoresTheRest()
    {
        var summary = new TestRunSummary();
        string[] output =
        [
            "  RuntimeLab.Cli -> /x/runtimelab.dll",
            "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: 40 ms - RuntimeLab.Cli.Tests.dll (net10.0)",
            "  Failed Some.Test [3 ms]",
            "Failed!  - Failed:     2, Passed:     5, Skipped:     1, Total:     8, Duration: 1 s - RuntimeLab.Jit.Tests.dll (net10.0)",
        ];

        var counted = output.Count(summary.Add);

        Assert.Equal(2, counted);
        Assert.Equal("17 passed, 2 failed, 1 skipped", summary.ToString());
    }

    [Fact]
    public void NoSkipsLeavesTheSkippedCountOut()
    {
        var summary = new TestRunSummary();
        summary.Add("Passed!  - Failed:     0, Passed:     3, Skipped:     0, Total:     3, Duration: 9 ms - A.Tests.dll (net10.0)");

        Assert.Equal("3 passed, 0 failed", summary.ToString());
    }
}
