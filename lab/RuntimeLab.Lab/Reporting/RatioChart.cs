using System.Globalization;
using System.Xml.Linq;
using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Reporting;

/// <summary>
/// The ratios as an SVG bar chart: one group of bars per workload, one bar per engine, on a log₂
/// axis so that 0.5× and 2× are the same distance from the baseline's 1×. Cells without a ratio
/// (not installed, failed, mismatched) are named in place of their bar, never drawn as zero.
/// </summary>
public static class RatioChart
{
    private const double BarHeight = 16, BarGap = 4, GroupGap = 14, LabelWidth = 230, PlotWidth = 560, Margin = 20, TitleHeight = 40, AxisHeight = 36;
    private static readonly string[] s_palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f"];
    private static readonly XNamespace s_svg = "http://www.w3.org/2000/svg";

    public static XDocument Render(ExperimentResult result)
    {
        var engines = result.Cells.Select(c => c.Engine).Distinct().ToList();
        var workloads = result.Cells.Select(c => c.Workload).Distinct().ToList();
        var (low, high) = AxisRange(result.Cells.Select(c => c.RatioToBaseline).OfType<double>());
        double X(double ratio) => LabelWidth + (Math.Log2(ratio) - low) / (high - low) * PlotWidth;

        var height = TitleHeight + workloads.Count * (engines.Count * (BarHeight + BarGap) + GroupGap) + AxisHeight;
        var width = LabelWidth + PlotWidth + 90 + Margin;
        var svg = new XElement(s_svg + "svg",
            new XAttribute("width", Num(width)), new XAttribute("height", Num(height)),
            new XAttribute("viewBox", $"0 0 {Num(width)} {Num(height)}"), new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "12"));
        svg.Add(new XElement(s_svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "white")));
        svg.Add(Text(Margin, 22, $"{result.Experiment}: {result.Plan.RatioMetric} relative to {result.Plan.BaselineEngine} (median of paired ratios; left of 1× is faster)", "14", "bold"));

        var y = TitleHeight;
        foreach (var workload in workloads)
        {
            svg.Add(Text(Margin, y + BarHeight - 3, workload, weight: "bold"));
            foreach (var (engine, index) in engines.Select((e, i) => (e, i)))
            {
                var cell = result.Cells.FirstOrDefault(c => c.Workload == workload && c.Engine == engine);
                svg.Add(Text(LabelWidth - 8, y + BarHeight - 3, engine, anchor: "end"));
                if (cell?.RatioToBaseline is { } ratio)
                {
                    var (from, to) = (Math.Min(X(1), X(ratio)), Math.Max(X(1), X(ratio)));
                    svg.Add(new XElement(s_svg + "rect",
                        new XAttribute("x", Num(from)), new XAttribute("y", Num(y)),
                        new XAttribute("width", Num(Math.Max(to - from, 1))), new XAttribute("height", Num(BarHeight)),
                        new XAttribute("fill", s_palette[index % s_palette.Length]),
                        new XAttribute("data-ratio", ratio.ToString("R", CultureInfo.InvariantCulture))));
                    svg.Add(Text(to + 4, y + BarHeight - 3, Format.Ratio(ratio)));
                }
                else
                {
                    svg.Add(Text(LabelWidth + 4, y + BarHeight - 3, cell is null ? "no result" : StatusText(cell.Status), fill: "#999999"));
                }
                y += BarHeight + BarGap;
            }
            y += GroupGap;
        }

        // The axis: a tick per power of two, and the baseline's 1× drawn across the whole plot.
        for (var power = (int)Math.Ceiling(low); power <= (int)Math.Floor(high); power++)
        {
            var x = X(Math.Pow(2, power));
            var isBaseline = power == 0;
            svg.Add(new XElement(s_svg + "line",
                new XAttribute("x1", Num(x)), new XAttribute("x2", Num(x)), new XAttribute("y1", Num(TitleHeight - 6)), new XAttribute("y2", Num(y)),
                new XAttribute("stroke", isBaseline ? "#333333" : "#dddddd"), new XAttribute("stroke-width", isBaseline ? "1.5" : "1"),
                new XAttribute("class", isBaseline ? "baseline" : "tick")));
            svg.Add(Text(x, y + 16, Format.Ratio(Math.Pow(2, power)), anchor: "middle"));
        }
        return new XDocument(svg);
    }

    /// <summary>Whole powers of two around every ratio and 1×, so the baseline is always on the axis.</summary>
    private static (double Low, double High) AxisRange(IEnumerable<double> ratios)
    {
        var logs = ratios.Where(r => r > 0).Select(Math.Log2).Append(0).ToList();
        var low = Math.Floor(logs.Min());
        var high = Math.Ceiling(logs.Max());
        return high - low < 2 ? (low - 1, high + 1) : (low, high);
    }

    private static string StatusText(CellStatus status) => status switch
    {
        CellStatus.NotInstalled => "not installed",
        CellStatus.Mismatch => "MISMATCH",
        CellStatus.TimedOut => "timed out",
        CellStatus.Failed => "failed",
        _ => "no ratio",
    };

    private static XElement Text(double x, double y, string text, string size = "12", string weight = "normal", string anchor = "start", string fill = "#222222") =>
        new(s_svg + "text", new XAttribute("x", Num(x)), new XAttribute("y", Num(y)), new XAttribute("font-size", size),
            new XAttribute("font-weight", weight), new XAttribute("text-anchor", anchor), new XAttribute("fill", fill), text);

    private static string Num(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
