using System.Text.RegularExpressions;

namespace RuntimeLab.Cli.Testing;

/// <summary>
/// Sums the per-project result lines <c>dotnet test</c> prints, e.g.
/// "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: 40 ms - X.Tests.dll (net10.0)",
/// into the one line CI reads: "N passed, N failed[, N skipped]".
/// </summary>
public sealed partial class TestRunSummary
{
    public int Passed { get; private set; }
    public int Failed { get; private set; }
    public int Skipped { get; private set; }
    public int Projects { get; private set; }

    /// <summary>Counts <paramref name="line"/> if it is a per-project result line; returns whether it was.</summary>
    public bool Add(string line)
    {
        var match = ResultLine().Match(line);
        if (!match.Success) return false;
        Failed += int.Parse(match.Groups["failed"].Value);
        Passed += int.Parse(match.Groups["passed"].Value);
        Skipped += int.Parse(match.Groups["skipped"].Value);
        Projects++;
        return true;
    }

    public override string ToString() =>
        Skipped > 0 ? $"{Passed} passed, {Failed} failed, {Skipped} skipped" : $"{Passed} passed, {Failed} failed";

    [GeneratedRegex(@"^\s*\w+!\s+-\s+Failed:\s+(?<failed>\d+),\s+Passed:\s+(?<passed>\d+),\s+Skipped:\s+(?<skipped>\d+),\s+Total:\s+\d+")]
    private static partial Regex ResultLine();
}
