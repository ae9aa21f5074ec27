namespace RuntimeLab.Lab.Harness;

/// <summary>Order statistics: robust against the occasional outlier run a noisy machine produces.</summary>
public static class Statistics
{
    /// <summary>The middle value; for an even count the mean of the two middle values; null when empty.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
            return null;
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Min and max; null when empty.</summary>
    public static Spread? SpreadOf(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : new Spread(list.Min(), list.Max());
    }
}
