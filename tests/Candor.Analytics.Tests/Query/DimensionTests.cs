using Candor.Analytics.Query;

namespace Candor.Analytics.Tests.Query;

/// <summary>Breakdowns: visit dimensions are the session's first event's values, event dimensions each event's, time is zero-filled.</summary>
public sealed class DimensionTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly StatsSite _site = new();

    public async Task InitializeAsync()
    {
        // Visitor 1 comes from Google on a phone and reads two pages; visitor 2 comes directly and bounces;
        // visitor 3 comes from Hacker News, reads the blog and signs up.
        _site.Visit(1, StatsSite.Day.AddHours(1), e => e with { Source = "Google", Channel = "Organic Search", Device = "Mobile", Country = "DE", Browser = "Chrome", BrowserVersion = "120.0" })
            .Pageview("/", props: ("plan", "free"))
            .Pageview("/pricing", Minute)
            .Engagement("/pricing", 30_000, Minute);
        _site.Visit(2, StatsSite.Day.AddHours(1).AddMinutes(30), e => e with { Country = "FR" })
            .Pageview("/");
        _site.Visit(3, StatsSite.Day.AddHours(5), e => e with { Source = "Hacker News", Channel = "Organic Social", Country = "DE", UtmSource = "hn" })
            .Pageview("/blog/one")
            .Pageview("/blog/two", Minute * 2)
            .Custom("Signup", "/blog/two", Minute, props: ("plan", "pro"));
        await _site.FlushAsync();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private Task<QueryResult> Breakdown(string dimension, params Metric[] metrics) =>
        _site.QueryAsync(StatsSite.DayQuery(metrics) with { Dimensions = [Dimension.Parse(dimension)] });

    private static Dictionary<string, double?[]> ByValue(QueryResult result) => result.Rows.ToDictionary(r => r.Dimensions[0], r => r.Metrics.ToArray());

    [Fact]
    public async Task The_day_by_hour_has_24_zero_filled_rows_in_time_order()
    {
        var result = await _site.QueryAsync(StatsSite.DayQuery(Metric.Visitors, Metric.Pageviews, Metric.BounceRate) with
        {
            Dimensions = [Dimension.Parse("time")],
            Interval = Interval.Hour,
        });

        Assert.Equal(24, result.TotalRows);
        Assert.Equal(Enumerable.Range(0, 24).Select(h => $"2026-03-10 {h:00}:00:00"), result.Rows.Select(r => r.Dimensions[0]));
        Assert.Equal([2, 3, 50], result.Rows[1].Metrics);
        Assert.Equal([1, 2, 0], result.Rows[5].Metrics);
        Assert.Equal([0, 0, 0], result.Rows[0].Metrics);
    }

    [Fact]
    public async Task The_day_period_gives_24_hourly_rows_for_its_timeseries()
    {
        var day = Period.Resolve("day", "2026-03-10", StatsSite.Day.AddDays(5));
        var result = await _site.QueryAsync(StatsSite.DayQuery(Metric.Visitors) with
        {
            Range = day.Range,
            Interval = day.DefaultInterval,
            Dimensions = [Dimension.Parse("time")],
        });
        Assert.Equal(24, result.Rows.Count);
        Assert.Equal("2026-03-10 01:00:00", result.Rows[1].Dimensions[0]);
        Assert.Equal(3, result.Rows.Sum(r => r.Metrics[0]));
    }

    [Fact]
    public async Task Days_weeks_and_months_are_written_as_dates()
    {
        var week = await _site.QueryAsync(StatsSite.DayQuery(Metric.Visitors) with { Dimensions = [Dimension.Parse("time:week")] });
        Assert.Equal("2026-03-09", Assert.Single(week.Rows).Dimensions[0]); // the Monday of that week
        var month = await _site.QueryAsync(StatsSite.DayQuery(Metric.Visitors) with { Dimensions = [Dimension.Parse("time:month")] });
        Assert.Equal(["2026-03-01"], Assert.Single(month.Rows).Dimensions);
    }

    [Fact]
    public async Task Sources_come_from_the_first_event_and_direct_visits_are_Direct_None()
    {
        var rows = ByValue(await Breakdown("visit:source", Metric.Visitors, Metric.Visits, Metric.BounceRate, Metric.Pageviews));
        Assert.Equal([1, 1, 0, 2], rows["Google"]);
        Assert.Equal([1, 1, 100, 1], rows["Direct / None"]);
        Assert.Equal([1, 1, 0, 2], rows["Hacker News"]);
    }

    [Fact]
    public async Task Entry_and_exit_pages_are_the_first_and_last_pageviews()
    {
        var entry = ByValue(await Breakdown("visit:entry_page", Metric.Visits));
        Assert.Equal(new Dictionary<string, double?[]> { ["/"] = [2], ["/blog/one"] = [1] }, entry);
        var exit = ByValue(await Breakdown("visit:exit_page", Metric.Visits));
        Assert.Equal(new Dictionary<string, double?[]> { ["/pricing"] = [1], ["/"] = [1], ["/blog/two"] = [1] }, exit);
    }

    [Fact]
    public async Task Pages_count_visitors_pageviews_and_the_visits_that_saw_them()
    {
        var rows = ByValue(await Breakdown("event:page", Metric.Visitors, Metric.Pageviews, Metric.Visits, Metric.BounceRate));
        Assert.Equal([2, 2, 2, 50], rows["/"]);
        Assert.Equal([1, 1, 1, 0], rows["/pricing"]);
        Assert.Equal([1, 1, 1, 0], rows["/blog/two"]); // the Signup event on /blog/two counts a visitor, not a pageview
    }

    [Fact]
    public async Task Event_names_leave_engagement_out()
    {
        var rows = ByValue(await Breakdown("event:name", Metric.Visitors, Metric.Events));
        Assert.Equal(["pageview", "Signup"], rows.Keys.Order(StringComparer.Ordinal).Reverse());
        Assert.Equal([3, 5], rows["pageview"]);
        Assert.Equal([1, 1], rows["Signup"]);
    }

    [Fact]
    public async Task Props_break_down_by_value_with_none_for_events_without_the_key()
    {
        var rows = ByValue(await Breakdown("event:props:plan", Metric.Visitors, Metric.Events));
        Assert.Equal([1, 1], rows["free"]);
        Assert.Equal([1, 1], rows["pro"]);
        Assert.Equal([3, 4], rows["(none)"]);
    }

    [Fact]
    public async Task An_unknown_prop_key_gives_only_the_none_row()
    {
        var rows = ByValue(await Breakdown("event:props:nothing-like-this", Metric.Visitors));
        Assert.Equal(["(none)"], rows.Keys);
    }

    [Fact]
    public async Task Percentage_is_of_all_visitors_with_one_decimal()
    {
        var rows = ByValue(await Breakdown("visit:country", Metric.Visitors, Metric.Percentage));
        Assert.Equal([2, 66.7], rows["DE"]);
        Assert.Equal([1, 33.3], rows["FR"]);
    }

    [Fact]
    public async Task Channels_devices_browsers_and_utm_values()
    {
        Assert.Equal([1], ByValue(await Breakdown("visit:channel", Metric.Visitors))["Organic Search"]);
        Assert.Equal(new Dictionary<string, double?[]> { ["Mobile"] = [1], ["Desktop"] = [2] }, ByValue(await Breakdown("visit:device", Metric.Visitors)));
        Assert.Equal([1], ByValue(await Breakdown("visit:browser_version", Metric.Visitors))["120.0"]);
        Assert.Equal([2], ByValue(await Breakdown("visit:browser", Metric.Visitors))["(not set)"]);
        // Untagged visits have no UTM row.
        Assert.Equal(new Dictionary<string, double?[]> { ["hn"] = [1] }, ByValue(await Breakdown("visit:utm_source", Metric.Visitors)));
    }

    [Fact]
    public async Task Visit_and_event_dimensions_combine()
    {
        var result = await _site.QueryAsync(StatsSite.DayQuery(Metric.Pageviews, Metric.Visits) with
        {
            Dimensions = [Dimension.Parse("visit:country"), Dimension.Parse("event:page")],
        });
        var rows = result.Rows.ToDictionary(r => string.Join(" ", r.Dimensions), r => r.Metrics.ToArray());
        Assert.Equal([1, 1], rows["DE /"]);
        Assert.Equal([1, 1], rows["FR /"]);
        Assert.Equal([1, 1], rows["DE /blog/one"]);
        Assert.Equal(5, result.TotalRows);
    }

    [Fact]
    public async Task Time_on_page_is_engaged_time_per_visit_of_the_page()
    {
        var rows = ByValue(await Breakdown("event:page", Metric.Visitors, Metric.TimeOnPage));
        Assert.Equal([1, 30], rows["/pricing"]);
        Assert.Equal([2, 0], rows["/"]);
    }

    [Fact]
    public async Task Current_visitors_are_those_of_the_last_five_minutes()
    {
        _site.Time.SetUtcNow(new DateTimeOffset(StatsSite.Day.AddHours(5).AddMinutes(6)));
        Assert.Equal(1, await _site.Engine.CurrentVisitorsAsync(StatsSite.Site));
        _site.Time.SetUtcNow(new DateTimeOffset(StatsSite.Day.AddHours(6)));
        Assert.Equal(0, await _site.Engine.CurrentVisitorsAsync(StatsSite.Site));
        Assert.Equal(StatsSite.Day.AddHours(1), await _site.Engine.FirstEventAsync(StatsSite.Site));
        Assert.Null(await _site.Engine.FirstEventAsync("other.example"));
    }
}
