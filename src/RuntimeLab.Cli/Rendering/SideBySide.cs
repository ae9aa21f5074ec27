using System.Text;

namespace RuntimeLab.Cli.Rendering;

/// <summary>How two listings are laid out: next to each other, one after the other, or whichever fits.</summary>
public enum Layout { Auto, Side, Stacked }

/// <summary>
/// Two plain-text listings (IR, assembly) in two columns. Long lines wrap inside their column,
/// marked with a leading '↪', rather than being cut: a teaching view must not hide anything.
/// </summary>
public static class SideBySide
{
    private const string Gutter = " │ ";

    public static string Render(string leftTitle, string left, string rightTitle, string right, int width, Layout layout)
    {
        var leftLines = Lines(left);
        var rightLines = Lines(right);
        var columnWidth = (width - Gutter.Length) / 2;
        var widest = leftLines.Concat(rightLines).Select(l => l.Length).DefaultIfEmpty(0).Max();
        var side = layout switch
        {
            Layout.Side => true,
            Layout.Stacked => false,
            // Side by side when at most a few lines would wrap and the columns stay readable.
            _ => columnWidth >= 48 && leftLines.Concat(rightLines).Count(l => l.Length > columnWidth) <= Math.Max(2, widest / 20),
        };
        return side ? Columns(leftTitle, leftLines, rightTitle, rightLines, Math.Max(columnWidth, 20)) : Stacked(leftTitle, left, rightTitle, right);
    }

    private static string Columns(string leftTitle, List<string> left, string rightTitle, List<string> right, int columnWidth)
    {
        var l = Wrap(left, columnWidth);
        var r = Wrap(right, columnWidth);
        var text = new StringBuilder();
        text.Append(Title(leftTitle, columnWidth)).Append(Gutter).AppendLine(Title(rightTitle, columnWidth).TrimEnd());
        for (var i = 0; i < Math.Max(l.Count, r.Count); i++)
        {
            var a = i < l.Count ? l[i] : "";
            var b = i < r.Count ? r[i] : "";
            text.Append(a.PadRight(columnWidth)).Append(Gutter).AppendLine(b).Replace(" \n", "\n");
        }
        return text.ToString();
    }

    private static string Stacked(string leftTitle, string left, string rightTitle, string right) =>
        $"── {leftTitle} ──\n{left.TrimEnd()}\n\n── {rightTitle} ──\n{right.TrimEnd()}\n";

    private static string Title(string title, int width)
    {
        var framed = $"── {title} ";
        return framed.Length >= width ? framed : framed + new string('─', width - framed.Length);
    }

    private static List<string> Lines(string text) =>
        text.Replace("\t", "    ").TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    private static List<string> Wrap(List<string> lines, int width)
    {
        var wrapped = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length <= width) { wrapped.Add(line); continue; }
            wrapped.Add(line[..width]);
            for (var rest = line[width..]; rest.Length > 0;)
            {
                var piece = rest.Length <= width - 2 ? rest : rest[..(width - 2)];
                wrapped.Add("↪ " + piece);
                rest = rest[piece.Length..];
            }
        }
        return wrapped;
    }
}
