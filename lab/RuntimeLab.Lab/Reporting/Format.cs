using System.Globalization;

namespace RuntimeLab.Lab.Reporting;

/// <summary>How numbers read in reports; a missing figure is a dash, never a zero.</summary>
internal static class Format
{
    public const string Missing = "—";

    public static string Milliseconds(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? Missing;

    /// <summary>
    /// An engine metric: times (names ending in "_ms") with two decimals, percentages ("_pct") with one, so that
    /// 99.9 is not shown as 100, and counts as whole numbers.
    /// </summary>
    public static string MetricValue(string name, double? value) =>
        name.EndsWith("_ms", StringComparison.Ordinal) ? Milliseconds(value)
        : name.EndsWith("_pct", StringComparison.Ordinal) ? (value is null ? Missing : value.Value.ToString("0.0", CultureInfo.InvariantCulture) + "%")
        : value?.ToString("0", CultureInfo.InvariantCulture) ?? Missing;

    public static string Ratio(double? value) => value is null ? Missing : value.Value.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public static string Bytes(long? value) =>
        value is null ? Missing : (value.Value / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    /// <summary>Machine-readable number for CSV: invariant, round-trippable, empty when missing.</summary>
    public static string Raw(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
