using Candor.Analytics.Query;

namespace Candor.Analytics.Tests.Query;

/// <summary>The reference's worked example (§3) and the metrics' basic definitions.</summary>
public sealed class WorkedExampleTests : IAsyncLifetime
{
    private readonly StatsSite _site = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task User_A_with_two_pageviews_25_minutes_apart_and_user_B_with_one()
    {
        _site.Visit(1, StatsSite.Day).Pageview("/").Pageview("/about", TimeSpan.FromMinutes(25));
        _site.Visit(2, StatsSite.Day.AddHours(3)).Pageview("/");

        var result = await _site.QueryAsync(StatsSite.DayQuery(
            Metric.Pageviews, Metric.Visitors, Metric.Visits, Metric.ViewsPerVisit, Metric.BounceRate, Metric.VisitDuration, Metric.Events));

        var row = Assert.Single(result.Rows);
        Assert.Empty(row.Dimensions);
        Assert.Equal([3, 2, 2, 1.5, 50, 750, 3], row.Metrics);
        Assert.Equal(1, result.TotalRows);
    }

    [Fact]
    public async Task An_empty_range_gives_zeros()
    {
        var result = await _site.QueryAsync(StatsSite.DayQuery(Metric.Visitors, Metric.Visits, Metric.Pageviews, Metric.BounceRate, Metric.VisitDuration, Metric.ViewsPerVisit));
        Assert.Equal([0, 0, 0, 0, 0, 0], Assert.Single(result.Rows).Metrics);
    }
}
