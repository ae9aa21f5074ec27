using System.Text;

namespace RuntimeLab.Conformance.Tests;

/// <summary>What one run of a case produced.</summary>
public sealed record CaseResult(string Stdout, string Stderr, int ExitCode)
{
    public const string UnhandledPrefix = "Unhandled exception.";

    /// <summary>An unhandled exception: only stderr's first line is comparable (stack traces differ).</summary>
    public bool IsUnhandledException => Stderr.StartsWith(UnhandledPrefix, StringComparison.Ordinal);

    public static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return (end < 0 ? text : text[..end]).TrimEnd('\r');
    }
}

/// <summary>Compares a RuntimeLab run with CoreCLR's and explains the first difference.</summary>
public static class OutputComparison
{
    /// <summary>Null when <paramref name="actual"/> conforms to <paramref name="expected"/>, else a report for a human.</summary>
    public static string? Compare(string caseName, string mode, CaseResult expected, CaseResult actual)
    {
        var problems = new List<string>();
        if (expected.ExitCode != actual.ExitCode)
            problems.Add($"exit code: expected {expected.ExitCode}, actual {actual.ExitCode}");
        if (FirstDifference("stdout", expected.Stdout, actual.Stdout) is { } stdout)
            problems.Add(stdout);
        if (expected.IsUnhandledException)
        {
            var expectedLine = CaseResult.FirstLine(expected.Stderr);
            var actualLine = CaseResult.FirstLine(actual.Stderr);
            if (expectedLine != actualLine)
                problems.Add($"stderr first line (unhandled exception; the stack trace is not compared):\n  expected: {Show(expectedLine)}\n  actual:   {Show(actualLine)}");
        }
        else if (FirstDifference("stderr", expected.Stderr, actual.Stderr) is { } stderr)
        {
            problems.Add(stderr);
        }
        if (problems.Count == 0) return null;

        var report = new StringBuilder();
        report.Append($"case {caseName} ({mode}) differs from CoreCLR (exit codes: expected {expected.ExitCode}, actual {actual.ExitCode}):");
        foreach (var problem in problems) report.Append("\n- ").Append(problem);
        report.Append($"\nrerun the oracle by hand: dotnet .build/conformance/bin/Conformance.dll {caseName} < bytecode/conformance/stdin.txt");
        return report.ToString();
    }

    /// <summary>The first differing line (1-based) with both versions, or null when the texts are equal.</summary>
    public static string? FirstDifference(string stream, string expected, string actual)
    {
        if (expected == actual) return null;
        var expectedLines = SplitLines(expected);
        var actualLines = SplitLines(actual);
        var count = Math.Max(expectedLines.Length, actualLines.Length);
        for (var i = 0; i < count; i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : null;
            var a = i < actualLines.Length ? actualLines[i] : null;
            if (e == a) continue;
            var report = new StringBuilder();
            report.Append($"{stream} differs at line {i + 1} (expected {Lines(expected)}, actual {Lines(actual)}):");
            if (i > 0) report.Append($"\n  before:   {Show(expectedLines[i - 1])}");
            report.Append($"\n  expected: {(e is null ? "<end of output>" : Show(e))}");
            report.Append($"\n  actual:   {(a is null ? "<end of output>" : Show(a))}");
            return report.ToString();
        }
        return $"{stream} differs only in the final newline: expected {Lines(expected)}, actual {Lines(actual)}";
    }

    /// <summary>Lines without their '\n'; a final newline ends the last line rather than starting an empty one.</summary>
    private static string[] SplitLines(string text)
    {
        if (text.Length == 0) return [];
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static string Lines(string text) =>
        text.Length == 0 ? "empty" : $"{text.Count(c => c == '\n')} lines{(text.EndsWith('\n') ? "" : " + an unterminated one")}";

    /// <summary>A line made unambiguous: brackets show trailing spaces, control characters are escaped.</summary>
    private static string Show(string line)
    {
        var shown = new StringBuilder("[");
        foreach (var c in line)
            shown.Append(c switch
            {
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        return shown.Append(']').ToString();
    }
}
