using Candor.Analytics.Query;

namespace Candor.Analytics.Tests.Query;

/// <summary>Bounces, durations and events as sessions define them.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly StatsSite _site = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _site.DisposeAsync();

    private async Task<double?[]> Totals(params Metric[] metrics) => Assert.Single((await _site.QueryAsync(StatsSite.DayQuery(metrics))).Rows).Metrics.ToArray();

    [Fact]
    public async Task An_interactive_custom_event_clears_a_bounce_and_a_non_interactive_one_does_not()
    {
        _site.Visit(1, StatsSite.Day.AddHours(1)).Pageview("/").Custom("Signup", "/", TimeSpan.FromSeconds(40));
        _site.Visit(2, StatsSite.Day.AddHours(2)).Pageview("/").Custom("Video Played", "/", TimeSpan.FromSeconds(40), interactive: false);

        Assert.Equal([50, 2, 40], await Totals(Metric.BounceRate, Metric.Visits, Metric.VisitDuration));
    }

    [Fact]
    public async Task Engagement_neither_clears_a_bounce_nor_counts_as_an_event_nor_lengthens_a_visit()
    {
        _site.Visit(1, StatsSite.Day.AddHours(1)).Pageview("/").Engagement("/", 90_000, TimeSpan.FromMinutes(2));

        Assert.Equal([100, 0, 1, 1], await Totals(Metric.BounceRate, Metric.VisitDuration, Metric.Events, Metric.Pageviews));
    }

    [Fact]
    public async Task Two_pageviews_are_no_bounce_and_the_visit_lasts_from_first_to_last_event()
    {
        _site.Visit(1, StatsSite.Day.AddHours(1)).Pageview("/").Pageview("/a", TimeSpan.FromSeconds(10)).Custom("Download", "/a", TimeSpan.FromSeconds(5));
        _site.Visit(1, StatsSite.Day.AddHours(5)).Pageview("/");

        Assert.Equal([1, 2, 50, 8, 1.5, 4], await Totals(Metric.Visitors, Metric.Visits, Metric.BounceRate, Metric.VisitDuration, Metric.ViewsPerVisit, Metric.Events));
    }
}
