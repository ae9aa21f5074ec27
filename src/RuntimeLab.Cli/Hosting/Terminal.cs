using Spectre.Console;

namespace RuntimeLab.Cli.Hosting;

/// <summary>
/// Spectre.Console writers for stdout and stderr. Colour and other ANSI sequences only when that
/// stream is a terminal (and NO_COLOR is unset): redirected output must stay plain text for scripts.
/// </summary>
public static class Terminal
{
    public static bool StdoutIsTerminal => !Console.IsOutputRedirected;

    /// <summary>
    /// Columns assumed when a stream is redirected. Spectre would assume 80 and wrap every number
    /// of a wide table; a log file has no width to respect.
    /// </summary>
    public const int RedirectedWidth = 200;

    public static IAnsiConsole Out { get; } = Create(Console.Out, StdoutIsTerminal);

    public static IAnsiConsole Error { get; } = Create(Console.Error, !Console.IsErrorRedirected);

    /// <summary>The width to lay text out for on stdout.</summary>
    public static int OutWidth => StdoutIsTerminal ? Math.Max(Console.WindowWidth, 80) : RedirectedWidth;

    private static IAnsiConsole Create(TextWriter writer, bool isTerminal)
    {
        var useAnsi = isTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = useAnsi ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = useAnsi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!isTerminal) console.Profile.Width = RedirectedWidth;
        return console;
    }
}
