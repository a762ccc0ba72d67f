using Candor.Analytics.Dashboard;
using Candor.Analytics.Query;

namespace Candor.Analytics.Tests.Dashboard;

public sealed class KAnonymityTests
{
    private static readonly KAnonymity K5 = new(5);
    private static readonly Metric[] VisitorsVisitsBounce = [Metric.Visitors, Metric.Visits, Metric.BounceRate];

    private static ResultRow Row(string name, params double?[] metrics) => new([name], metrics);

    [Fact]
    public void RowsUnderKAreFoldedIntoOneOtherRowWithSummedCountsAndNoRates()
    {
        var result = new QueryResult([Row("Google", 40, 50, 30), Row("Bing", 5, 6, 50), Row("rare.example", 2, 2, 100), Row("tiny.example", 4, 5, 0)], 4);

        var shown = K5.Breakdown(result, VisitorsVisitsBounce);

        Assert.Equal(["Google", "Bing", KAnonymity.Other], shown.Rows.Select(r => r.Dimensions[0]));
        Assert.Equal([40.0, 50, 30], shown.Rows[0].Figures.Select(f => f.Value!.Value));
        var other = shown.Rows[2];
        Assert.True(other.Folded);
        Assert.Equal(6, other.Figures[0].Value);
        Assert.Equal(7, other.Figures[1].Value);
        Assert.Null(other.Figures[2].Value);
        Assert.False(other.Figures[2].Hidden);
        Assert.Equal(3, shown.TotalRows);
    }

    [Fact]
    public void AnOtherRowThatIsItselfUnderKIsWithheldWhole()
    {
        var shown = K5.Breakdown(new QueryResult([Row("Google", 9, 9, 10), Row("rare.example", 2, 3, 100)], 2), VisitorsVisitsBounce);

        var other = shown.Rows[^1];
        Assert.True(other.Folded);
        Assert.All(other.Figures, f => Assert.True(f.Hidden));
        Assert.All(other.Figures, f => Assert.Null(f.Value));
    }

    [Fact]
    public void AGroupUnderKHasEveryFigureWithheldRatesIncluded()
    {
        // Two visitors: their bounce rate and visit duration are theirs alone.
        var figures = K5.Group([2, 3, 7, 2.33, 100, 610], DashboardLoader.TrafficMetrics);

        Assert.All(figures, f => Assert.True(f.Hidden));
    }

    [Fact]
    public void InAGroupOfKOrMoreOnlyCountsUnderKAreWithheld()
    {
        var metrics = new[] { Metric.Visitors, Metric.Events, Metric.ConversionRate };

        var figures = K5.Group([12, 3, 25], metrics);

        Assert.Equal(12, figures[0].Value);
        Assert.True(figures[1].Hidden);
        Assert.Equal(25, figures[2].Value);
    }

    [Fact]
    public void ZeroIsShownBecauseNobodySinglesOutNoOne()
    {
        Assert.Equal(0, K5.Count(0).Value);
        Assert.False(K5.Count(0).Hidden);
        Assert.True(K5.Count(1).Hidden);
        Assert.True(K5.Count(4).Hidden);
        Assert.Equal(5, K5.Count(5).Value);
        var empty = K5.Group([0, 0, null], VisitorsVisitsBounce);
        Assert.Equal(0, empty[0].Value);
        Assert.False(empty[0].Hidden);
        Assert.Null(empty[2].Value);
        Assert.False(empty[2].Hidden);
    }

    [Fact]
    public void TheOwnersViewIsExact()
    {
        var result = new QueryResult([Row("Google", 40, 50, 30), Row("rare.example", 1, 1, 100)], 2);

        var shown = KAnonymity.Exact.Breakdown(result, VisitorsVisitsBounce);

        Assert.Equal(["Google", "rare.example"], shown.Rows.Select(r => r.Dimensions[0]));
        Assert.Equal([1.0, 1, 100], shown.Rows[1].Figures.Select(f => f.Value!.Value));
        Assert.Equal(1, KAnonymity.Exact.Count(1).Value);
    }

    [Fact]
    public void ASeriesIsNeverFoldedButEachBucketUnderKIsWithheld()
    {
        var series = new QueryResult([Row("2026-03-01", 0), Row("2026-03-02", 3), Row("2026-03-03", 8)], 3);

        var shown = K5.Series(series, [Metric.Visitors]);

        Assert.Equal(3, shown.Rows.Count);
        Assert.Equal(0, shown.Rows[0].Figures[0].Value);
        Assert.True(shown.Rows[1].Figures[0].Hidden);
        Assert.Equal(8, shown.Rows[2].Figures[0].Value);
    }

    [Fact]
    public void AFilterMatchingFewerThanKVisitorsIsNotAdmitted()
    {
        Assert.False(K5.AdmitsFilter(2));
        Assert.True(K5.AdmitsFilter(5));
        Assert.True(K5.AdmitsFilter(0));
        Assert.True(KAnonymity.Exact.AdmitsFilter(1));
    }

    [Fact]
    public void WithheldNumbersReadLessThanKAndRatesADash()
    {
        Assert.Equal("< 5", NumberText.Format(Figure.Withheld, Metric.Visitors, K5));
        Assert.Equal("–", NumberText.Format(Figure.Withheld, Metric.BounceRate, K5));
        Assert.Equal("1,234", NumberText.Format(Figure.Of(1234), Metric.Pageviews, K5));
        Assert.Equal("2m 05s", NumberText.Format(Figure.Of(125), Metric.VisitDuration, K5));
        Assert.Equal("50%", NumberText.Format(Figure.Of(50), Metric.BounceRate, K5));
    }

    [Fact]
    public void KMustBeAtLeastOneAndTheQueryMustCountVisitors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KAnonymity(0));
        Assert.Throws<ArgumentException>(() => K5.Group([3], [Metric.Pageviews]));
    }
}

public sealed class CsvFieldTests
{
    [Theory]
    [InlineData("Google", "Google")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("@cmd", "'@cmd")]
    public void VisitorSuppliedTextStaysTextInASpreadsheet(string value, string field) =>
        Assert.Equal(field, CsvExport.Field(value));
}
