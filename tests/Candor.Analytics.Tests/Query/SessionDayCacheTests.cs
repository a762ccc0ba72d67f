using Candor.Analytics.Query;

namespace Candor.Analytics.Tests.Query;

/// <summary>
/// The session cache answers exactly what summarising the events does, fills only closed days, and forgets days
/// that later appends or retention change.
/// </summary>
public sealed class SessionDayCacheTests : IAsyncLifetime
{
    private static readonly DateTime Monday = StatsSite.Day.AddDays(-1);
    private readonly StatsSite _site = new();

    public async Task InitializeAsync()
    {
        ulong visitor = 1;
        string[] sources = ["Google", "GitHub", "Twitter"];
        string[] countries = ["DE", "FR", "US", "GB"];
        for (var day = 0; day < 3; day++)
            for (var i = 0; i < 12; i++)
            {
                var v = visitor++ % 20;
                var visit = _site.Visit(v, Monday.AddDays(day).AddHours(1 + i).AddMinutes(day * 7), e => e with
                {
                    Source = i % 4 == 0 ? null : sources[i % 3],
                    Country = countries[(i + day) % 4],
                    Browser = i % 2 == 0 ? "Firefox" : "Chrome",
                    UtmMedium = i % 5 == 0 ? "email" : null,
                }).Pageview("/p" + i % 5);
                for (var k = 0; k < i % 3; k++) visit.Pageview("/q" + k, TimeSpan.FromMinutes(2));
                if (i % 4 == 1) visit.Custom("Signup", "/p1", TimeSpan.FromSeconds(30));
            }
        await _site.FlushAsync();
        _site.Time.SetUtcNow(new DateTimeOffset(StatsSite.Day.AddDays(1).AddHours(6))); // Monday and Tuesday are over, Wednesday is not
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static StatsQuery ThreeDays(string? dimension, params Metric[] metrics) => new()
    {
        Site = StatsSite.Site,
        Range = new DateRange(Monday, Monday.AddDays(3)),
        Metrics = metrics,
        Dimensions = dimension is null ? [] : [Dimension.Parse(dimension)],
    };

    public static TheoryData<string?> VisitDimensions => new() { null, "visit:source", "visit:country", "visit:browser", "visit:entry_page", "visit:exit_page", "visit:utm_medium", "visit:device" };

    [Theory]
    [MemberData(nameof(VisitDimensions))]
    public async Task Cached_and_summarised_sessions_give_the_same_answers(string? dimension)
    {
        var query = ThreeDays(dimension, Metric.Visitors, Metric.Visits, Metric.Pageviews, Metric.Events, Metric.BounceRate, Metric.VisitDuration, Metric.ViewsPerVisit);
        var uncached = new StatsEngine(_site.Store, _site.Time, cacheSessions: false);

        var expected = await uncached.QueryAsync(query);
        var cached = await _site.Engine.QueryAsync(query);
        var again = await _site.Engine.QueryAsync(query);

        Assert.Equal(Flatten(expected), Flatten(cached));
        Assert.Equal(Flatten(expected), Flatten(again));
        Assert.Equal(2, (await _site.Store.QueryAsync("SELECT count(*) FROM session_days_filled"))[0][0] is long n ? n : -1);
    }

    [Fact]
    public async Task A_filtered_query_uses_the_cache_too()
    {
        var query = ThreeDays("visit:country", Metric.Visitors, Metric.BounceRate) with
        {
            Filters = [new Filter(FilterOperator.IsNot, Dimension.Parse("visit:source"), ["Google"])],
        };
        var expected = await new StatsEngine(_site.Store, _site.Time, cacheSessions: false).QueryAsync(query);
        Assert.Equal(Flatten(expected), Flatten(await _site.Engine.QueryAsync(query)));
    }

    [Fact]
    public async Task A_late_event_for_a_cached_day_is_counted()
    {
        var query = ThreeDays(null, Metric.Visits, Metric.Pageviews);
        var before = Assert.Single((await _site.Engine.QueryAsync(query)).Rows).Metrics;

        _site.Visit(99, Monday.AddHours(23)).Pageview("/late");
        await _site.FlushAsync();

        var after = Assert.Single((await _site.Engine.QueryAsync(query)).Rows).Metrics;
        Assert.Equal([before[0] + 1, before[1] + 1], after);
    }

    [Fact]
    public async Task Retention_takes_the_cached_days_with_the_events()
    {
        var monday = ThreeDays(null, Metric.Visits) with { Range = new DateRange(Monday, Monday.AddDays(1)) };
        Assert.Equal([12], Assert.Single((await _site.Engine.QueryAsync(monday)).Rows).Metrics);

        await _site.Store.DeleteOlderThanAsync(Monday.AddDays(1));

        Assert.Equal([0], Assert.Single((await _site.Engine.QueryAsync(monday)).Rows).Metrics);
    }

    private static List<string> Flatten(QueryResult result) =>
        result.Rows.Select(r => string.Join("|", r.Dimensions) + "=" + string.Join(",", r.Metrics)).ToList();
}
