using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Tests;

public class OutputDifferenceTests
{
    [Fact]
    public void LineEndingsAreNormalizedBeforeComparing() =>
        Assert.Null(OutputDifference.Find("a\nb\n", "a\r\nb\r\n"));

    [Fact]
    public void ReportsTheFirstDifferingLine()
    {
        var difference = OutputDifference.Find("same\nleft\nx", "same\nright\ny");

        Assert.Equal(new OutputDifference(2, "left", "right"), difference);
    }

    [Fact]
    public void MissingTrailingLineIsADifference()
    {
        var difference = OutputDifference.Find("a\nb", "a");

        Assert.NotNull(difference);
        Assert.Equal(2, difference.Line);
        Assert.Equal("b", difference.Expected);
    }
}
