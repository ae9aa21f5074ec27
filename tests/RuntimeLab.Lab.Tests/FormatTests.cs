using RuntimeLab.Lab.Reporting;

namespace RuntimeLab.Lab.Tests;

public class FormatTests
{
    [Theory]
    [InlineData("jit_p50_ms", 1.234, "1.23")]
    [InlineData("jit_pct", 99.94, "99.9%")]
    [InlineData("jit_pct", 100.0, "100.0%")]
    [InlineData("blocks", 1184.4, "1184")]
    public void MetricsReadByTheirUnit(string name, double value, string expected) =>
        Assert.Equal(expected, Format.MetricValue(name, value));

    [Theory]
    [InlineData("jit_p50_ms")]
    [InlineData("jit_pct")]
    [InlineData("blocks")]
    public void AMissingMetricIsADashWhateverItsUnit(string name) =>
        Assert.Equal(Format.Missing, Format.MetricValue(name, null));
}
