using Candor.Analytics.Query;

namespace Candor.Analytics.Tests.Query;

/// <summary>Periods → ranges and intervals, comparisons and their change rules.</summary>
public sealed class PeriodTests
{
    private static readonly DateTime Now = new(2026, 5, 8, 14, 30, 0, DateTimeKind.Utc);

    private static DateTime D(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("day", "2026-05-08", "2026-05-09", Interval.Hour)]
    [InlineData("7d", "2026-05-01", "2026-05-08", Interval.Day)]
    [InlineData("28d", "2026-04-10", "2026-05-08", Interval.Day)]
    [InlineData("30d", "2026-04-08", "2026-05-08", Interval.Day)]
    [InlineData("91d", "2026-02-06", "2026-05-08", Interval.Day)]
    [InlineData("month", "2026-05-01", "2026-06-01", Interval.Day)]
    [InlineData("6mo", "2025-11-01", "2026-05-01", Interval.Month)]
    [InlineData("12mo", "2025-05-01", "2026-05-01", Interval.Month)]
    [InlineData("year", "2026-01-01", "2027-01-01", Interval.Month)]
    public void Periods_resolve_to_plausible_s_ranges(string period, string from, string to, Interval interval)
    {
        var resolved = Period.Resolve(period, (string?)null, Now);
        Assert.Equal(new DateRange(DateTime.Parse(from + "T00:00:00Z").ToUniversalTime(), DateTime.Parse(to + "T00:00:00Z").ToUniversalTime()), resolved.Range);
        Assert.Equal(interval, resolved.DefaultInterval);
    }

    [Fact]
    public void A_date_moves_the_period_and_bad_input_is_named()
    {
        Assert.Equal(new DateRange(D(2021, 1, 1), D(2021, 1, 2)), Period.Resolve("day", "2021-01-01", Now).Range);
        Assert.Contains("2021-13-01", Assert.Throws<StatsQueryException>(() => Period.Resolve("day", "2021-13-01", Now)).Message);
        Assert.Contains("\"8d\"", Assert.Throws<StatsQueryException>(() => Period.Resolve("8d", (string?)null, Now)).Message);
    }

    [Fact]
    public void Realtime_is_the_last_30_minutes_by_minute()
    {
        var realtime = Period.Resolve("realtime", (string?)null, Now);
        Assert.Equal(Now.AddMinutes(-30), realtime.Range.From);
        Assert.True(realtime.Range.To > Now);
        Assert.Equal([Interval.Minute], realtime.ValidIntervals);
    }

    [Fact]
    public void Intervals_allowed_per_period()
    {
        Assert.Equal([Interval.Minute, Interval.Hour], Period.Resolve("day", (string?)null, Now).ValidIntervals);
        Assert.Equal([Interval.Hour, Interval.Day], Period.Resolve("7d", (string?)null, Now).ValidIntervals);
        Assert.Equal([Interval.Day, Interval.Week], Period.Resolve("30d", (string?)null, Now).ValidIntervals);
        Assert.Equal([Interval.Day, Interval.Week], Period.Resolve("month", (string?)null, Now).ValidIntervals);
        Assert.Equal([Interval.Day, Interval.Week, Interval.Month], Period.Resolve("12mo", (string?)null, Now).ValidIntervals);
        Assert.False(Period.Resolve("month", (string?)null, Now).Allows(Interval.Month));
        Assert.Equal([Interval.Day, Interval.Week, Interval.Month], Period.Custom(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1)).ValidIntervals);
        Assert.Equal([Interval.Week, Interval.Month], Period.Custom(new DateOnly(2024, 1, 1), new DateOnly(2026, 3, 1)).ValidIntervals);
    }

    [Fact]
    public void All_starts_at_the_first_event_and_custom_includes_its_last_day()
    {
        var all = Period.Resolve("all", (string?)null, Now, new DateTime(2026, 4, 20, 9, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateRange(D(2026, 4, 20), D(2026, 5, 9)), all.Range);
        Assert.Equal(Interval.Day, all.DefaultInterval);
        Assert.Equal(Interval.Month, Period.Resolve("all", (string?)null, Now, D(2025, 1, 1)).DefaultInterval);
        Assert.Equal(new DateRange(D(2026, 1, 1), D(2026, 1, 31)), Period.Custom(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 30)).Range);
        Assert.Throws<StatsQueryException>(() => Period.Custom(new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Compared_ranges_are_the_previous_period_or_a_year_earlier()
    {
        var week = new DateRange(D(2026, 5, 1), D(2026, 5, 8));
        Assert.Equal(new DateRange(D(2026, 4, 24), D(2026, 5, 1)), Change.ComparedRange(week, Comparison.PreviousPeriod));
        Assert.Equal(new DateRange(D(2025, 5, 1), D(2025, 5, 8)), Change.ComparedRange(week, Comparison.YearOverYear));
        Assert.Null(Change.ComparedRange(week, Comparison.None));
    }

    [Theory]
    [InlineData(Metric.Visitors, 3.0, 2.0, 50.0)]
    [InlineData(Metric.Visitors, 1.0, 3.0, -67.0)]
    [InlineData(Metric.Visitors, 5.0, 0.0, 100.0)]
    [InlineData(Metric.Visitors, 0.0, 0.0, 0.0)]
    [InlineData(Metric.BounceRate, 40.0, 60.0, -20.0)]
    [InlineData(Metric.BounceRate, 40.0, 0.0, null)]
    [InlineData(Metric.ConversionRate, 12.4, 10.1, 2.3)]
    [InlineData(Metric.ConversionRate, 0.0, 0.0, 0.0)]
    [InlineData(Metric.VisitDuration, 750.0, 500.0, 50.0)]
    public void Change_rules(Metric metric, double current, double previous, double? expected) =>
        Assert.Equal(expected, Change.Of(metric, current, previous));

    [Fact]
    public async Task Comparison_example_current_against_previous_period()
    {
        await using var site = new StatsSite();
        // Previous day: one visitor who bounced. Today: the reference's worked example.
        site.Visit(9, StatsSite.Day.AddDays(-1).AddHours(10)).Pageview("/");
        site.Visit(1, StatsSite.Day).Pageview("/").Pageview("/about", TimeSpan.FromMinutes(25));
        site.Visit(2, StatsSite.Day.AddHours(3)).Pageview("/");
        Metric[] metrics = [Metric.Visitors, Metric.Pageviews, Metric.BounceRate, Metric.VisitDuration];
        var current = StatsSite.DayQuery(metrics);
        var previous = current with { Range = Change.ComparedRange(current.Range, Comparison.PreviousPeriod)!.Value };

        var now = Assert.Single((await site.QueryAsync(current)).Rows).Metrics;
        var before = Assert.Single((await site.QueryAsync(previous)).Rows).Metrics;

        Assert.Equal([2, 3, 50, 750], now);
        Assert.Equal([1, 1, 100, 0], before);
        Assert.Equal([100, 200, -50, 100], metrics.Select((m, i) => Change.Of(m, now[i], before[i])));
    }
}
