using Leadwerk.Web.Dashboards;

namespace Leadwerk.Tests.Dashboards;

public sealed class WeightedValuesTests
{
    [Fact]
    public void PercentilesAreByNearestRankOverValuesThatOccurSeveralTimes()
    {
        // Sorted with their counts: 1, 2, 2, 2, 7, 9 (six values; the unsorted input and a zero count must not matter).
        var d = new WeightedValues([(9, 1), (2, 3), (5, 0), (1, 1), (7, 1)]);

        Assert.Equal(6, d.Count);
        Assert.Equal(2, d.Percentile(0.5)); // rank ⌈3⌉ = 3
        Assert.Equal(9, d.Percentile(0.9)); // rank ⌈5.4⌉ = 6
        Assert.Equal(1, d.Percentile(0)); // rank at least 1
        Assert.Equal(23.0 / 6, d.Average, 9);
        Assert.Equal(7, d.Percentile(4.0 / 6 + 0.01)); // rank 5
    }

    [Fact]
    public void AMeasureNamesItsFigureAndNothingMeasuresAsZero()
    {
        var d = WeightedValues.Of([4, 1, 3, 2]);

        Assert.Equal(2, d.Measure(null));
        Assert.Equal(2, d.Measure("median"));
        Assert.Equal(4, d.Measure("p90"));
        Assert.Equal(2.5, d.Measure("avg"));
        Assert.Equal(0, WeightedValues.Of([]).Measure("median"));
        Assert.Equal(0, WeightedValues.Of([]).Average);
    }
}
