using RuntimeLab.Lab.Harness;

namespace RuntimeLab.Lab.Tests;

public class StatisticsTests
{
    [Fact]
    public void MedianOfOddCountIsTheMiddleValue() => Assert.Equal(3.0, Statistics.Median([5, 1, 3, 9, 2]));

    [Fact]
    public void MedianOfEvenCountIsTheMeanOfTheTwoMiddleValues() => Assert.Equal(2.5, Statistics.Median([4, 1, 3, 2]));

    [Fact]
    public void MedianOfNothingIsNull() => Assert.Null(Statistics.Median([]));

    [Fact]
    public void SpreadIsMinAndMax() => Assert.Equal(new Spread(1, 9), Statistics.SpreadOf([5, 1, 3, 9, 2]));

    [Fact]
    public void SpreadOfNothingIsNull() => Assert.Null(Statistics.SpreadOf([]));
}
