using Spectre.Console;

namespace RuntimeLab.Cli.Hosting;

/// <summary>
/// Spectre.Console writers for stdout and stderr. Colour and other ANSI sequences only when that
/// stream is a terminal (and NO_COLOR is unset): redirected output must stay plain text for scripts.
/// </summary>
public static class Terminal
{
    public static bool StdoutIsTerminal => !Console.IsOutputRedirected;

    public static IAnsiConsole Out { get; } = Create(Console.Out, StdoutIsTerminal);

    private static IAnsiConsole Create(TextWriter writer, bool isTerminal)
    {
        var useAnsi = isTerminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = useAnsi ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = useAnsi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
    }
}
