using Spectre.Console;

namespace RuntimeLab.Cli.Doctor;

/// <summary>Writes the findings: a coloured table on a terminal, plain aligned lines otherwise.</summary>
public static class DoctorReport
{
    public static void Write(IReadOnlyList<Finding> findings, IAnsiConsole console, bool isTerminal)
    {
        if (isTerminal) WriteTable(findings, console);
        else WritePlain(findings, console.Profile.Out.Writer);
    }

    private static void WriteTable(IReadOnlyList<Finding> findings, IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Component", "Status", "Version / how to install");
        foreach (var finding in findings)
            table.AddRow(new Text(finding.Component), new Markup(StatusMarkup(finding.Status)), new Text(finding.Detail));
        console.Write(table);
    }

    // Scripts grep these lines, so no colour and no box drawing: "component  status  detail".
    private static void WritePlain(IReadOnlyList<Finding> findings, TextWriter output)
    {
        var width = findings.Max(f => f.Component.Length);
        foreach (var finding in findings)
            output.WriteLine($"{finding.Component.PadRight(width)}  {StatusWord(finding.Status),-10}  {finding.Detail}");
    }

    private static string StatusWord(FindingStatus status) => status switch
    {
        FindingStatus.Ok => "ok",
        FindingStatus.Incomplete => "incomplete",
        _ => "missing",
    };

    private static string StatusMarkup(FindingStatus status) => status switch
    {
        FindingStatus.Ok => "[green]ok[/]",
        FindingStatus.Incomplete => "[yellow]incomplete[/]",
        _ => "[red]missing[/]",
    };
}
