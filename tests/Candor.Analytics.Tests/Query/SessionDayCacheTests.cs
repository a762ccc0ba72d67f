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

    [Theory]
    [InlineData("event:page", "/q1")]
    [InlineData("event:name", "Signup")]
    public async Task An_event_filter_keeps_the_sessions_with_a_matching_event_cached_or_not(string dimension, string value)
    {
        var query = ThreeDays("visit:country", Metric.Visitors, Metric.Visits, Metric.BounceRate, Metric.VisitDuration) with
        {
            Filters = [new Filter(FilterOperator.Is, Dimension.Parse(dimension), [value])],
        };
        var expected = await new StatsEngine(_site.Store, _site.Time, cacheSessions: false).QueryAsync(query);
        Assert.NotEmpty(expected.Rows);
        Assert.Equal(Flatten(expected), Flatten(await _site.Engine.QueryAsync(query)));
        // The same figures as when the events are counted too (the path that cannot use the cache).
        var withPageviews = await _site.Engine.QueryAsync(query with { Metrics = [.. query.Metrics, Metric.Pageviews] });
        Assert.Equal(Flatten(expected), withPageviews.Rows.Select(r => string.Join("|", r.Dimensions) + "=" + string.Join(",", r.Metrics.Take(4))).ToList());
    }

    [Theory]
    [InlineData("event:page", "/q1")]
    [InlineData("event:goal", "Signup")]
    public async Task Top_stats_filtered_by_an_event_agree_with_and_without_the_cache(string dimension, string value)
    {
        var query = ThreeDays(null, Metric.Visitors, Metric.Visits, Metric.Pageviews, Metric.ViewsPerVisit, Metric.BounceRate, Metric.VisitDuration, Metric.Events) with
        {
            Filters = [new Filter(FilterOperator.Is, Dimension.Parse(dimension), [value])],
            Goals = [Goal.Event("Signup")],
        };
        var expected = Flatten(await new StatsEngine(_site.Store, _site.Time, cacheSessions: false).QueryAsync(query));
        Assert.Equal(expected, Flatten(await _site.Engine.QueryAsync(query)));
        Assert.Equal(2L, (await _site.Store.QueryAsync("SELECT count(*) FROM session_days_filled"))[0][0]);
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

    [Fact]
    public async Task Two_engines_filling_at_once_count_each_session_once()
    {
        var query = ThreeDays("visit:source", Metric.Visits);
        var expected = Flatten(await new StatsEngine(_site.Store, _site.Time, cacheSessions: false).QueryAsync(query));
        var other = new StatsEngine(_site.Store, _site.Time);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? _site.Engine : other).QueryAsync(query)));

        Assert.All(answers, a => Assert.Equal(expected, Flatten(a)));
        Assert.Equal(24L, (await _site.Store.QueryAsync("SELECT count(*) FROM session_days"))[0][0]);
    }

    [Fact]
    public async Task Many_missing_days_are_filled_in_the_background_while_queries_summarise_events()
    {
        await using var site = new StatsSite();
        var first = StatsSite.Day.AddDays(-20);
        for (var day = 0; day < 20; day++)
            site.Visit((ulong)(day % 6), first.AddDays(day).AddHours(9), e => e with { Country = day % 2 == 0 ? "DE" : "FR" }).Pageview("/").Pageview("/a", TimeSpan.FromMinutes(3));
        await site.FlushAsync();
        site.Time.SetUtcNow(new DateTimeOffset(StatsSite.Day.AddHours(12)));
        var query = new StatsQuery
        {
            Site = StatsSite.Site,
            Range = new DateRange(first, StatsSite.Day),
            Metrics = [Metric.Visitors, Metric.Visits, Metric.BounceRate],
            Dimensions = [Dimension.Parse("visit:country")],
        };

        var answer = Flatten(await site.Engine.QueryAsync(query));
        Assert.Equal(["DE=3,10,0", "FR=3,10,0"], answer);

        Assert.True(await site.Engine.PrepareAsync(StatsSite.Site, query.Range)); // waits for (or does) the fill
        Assert.Equal(20L, (await site.Store.QueryAsync("SELECT count(*) FROM session_days_filled"))[0][0]);
        Assert.Equal(answer, Flatten(await site.Engine.QueryAsync(query)));
    }

    private static List<string> Flatten(QueryResult result) =>
        result.Rows.Select(r => string.Join("|", r.Dimensions) + "=" + string.Join(",", r.Metrics)).ToList();
}
