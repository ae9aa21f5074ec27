namespace RuntimeLab.Lab.Harness;

/// <summary>The first line where two outputs part, compared exactly after normalizing line endings.</summary>
/// <param name="Line">1-based line number.</param>
public sealed record OutputDifference(int Line, string Expected, string Actual)
{
    private const string EndOfOutput = "<end of output>";
    private const int ShownLength = 80;

    public static OutputDifference? Find(string expected, string actual)
    {
        var expectedLines = Lines(expected);
        var actualLines = Lines(actual);
        for (int i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var expectedLine = i < expectedLines.Length ? expectedLines[i] : EndOfOutput;
            var actualLine = i < actualLines.Length ? actualLines[i] : EndOfOutput;
            if (expectedLine != actualLine)
                return new OutputDifference(i + 1, expectedLine, actualLine);
        }
        return null;
    }

    public override string ToString() => $"line {Line}: expected \"{Shorten(Expected)}\", got \"{Shorten(Actual)}\"";

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');

    private static string Shorten(string line) => line.Length <= ShownLength ? line : line[..ShownLength] + "…";
}
