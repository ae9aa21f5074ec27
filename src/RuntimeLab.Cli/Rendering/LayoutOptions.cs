using System.CommandLine;
using RuntimeLab.Cli.Hosting;

namespace RuntimeLab.Cli.Rendering;

/// <summary>--layout and --width, which every command that prints two listings side by side (<see cref="SideBySide"/>) shares.</summary>
internal sealed class LayoutOptions
{
    private readonly Option<Layout> _layout = new("--layout") { Description = "side, stacked, or auto (side by side when the terminal is wide enough).", DefaultValueFactory = _ => Rendering.Layout.Auto };
    private readonly Option<int?> _width = new("--width") { Description = "Columns to lay out for (default: the terminal's width, or 200 when output is redirected)." };

    public void AddTo(Command command)
    {
        command.Options.Add(_layout);
        command.Options.Add(_width);
    }

    public Layout Chosen(ParseResult parse) => parse.GetValue(_layout);

    public int Width(ParseResult parse) => parse.GetValue(_width) ?? Terminal.OutWidth;
}
