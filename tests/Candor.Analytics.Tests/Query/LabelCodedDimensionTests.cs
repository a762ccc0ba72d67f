using Candor.Analytics.Query;

namespace Candor.Analytics.Tests.Query;

/// <summary>
/// The dimensions the store keeps as label ids (hostname, event name, browser, OS and their versions) filter and
/// break down as text: every operator, "(not set)" for a visit without a value, and a "(not set)" group that still
/// meets its session figures when event and session counts are joined.
/// </summary>
public sealed class LabelCodedDimensionTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly StatsSite _site = new();

    public async Task InitializeAsync()
    {
        _site.Visit(1, StatsSite.Day.AddHours(1), e => e with { Browser = "Chrome", BrowserVersion = "120.0", Os = "Linux", Hostname = "blog.example.com" })
            .Pageview("/")
            .Pageview("/a", Minute)
            .Engagement("/a", 30_000, Minute);
        _site.Visit(2, StatsSite.Day.AddHours(2), e => e with { Browser = "Firefox", BrowserVersion = "121.0", Os = "Windows", OsVersion = "11" })
            .Pageview("/")
            .Custom("Signup", "/", Minute);
        _site.Visit(3, StatsSite.Day.AddHours(3))
            .Pageview("/b")
            .Pageview("/c", Minute);
        await _site.FlushAsync();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static Filter F(FilterOperator op, string dimension, params string[] values) => new(op, Dimension.Parse(dimension), values);

    private async Task<double?[]> Aggregate(params Filter[] filters)
    {
        var result = await _site.QueryAsync(StatsSite.DayQuery(Metric.Visitors, Metric.Pageviews, Metric.Visits) with { Filters = filters });
        return Assert.Single(result.Rows).Metrics.ToArray();
    }

    private async Task<Dictionary<string, double?[]>> Breakdown(string dimension, Metric[] metrics, params Filter[] filters)
    {
        var result = await _site.QueryAsync(StatsSite.DayQuery(metrics) with { Dimensions = [Dimension.Parse(dimension)], Filters = filters });
        return result.Rows.ToDictionary(r => r.Dimensions[0], r => r.Metrics.ToArray());
    }

    [Theory]
    [InlineData(FilterOperator.Is, new[] { "Chrome" }, 1, 2)]
    [InlineData(FilterOperator.Is, new[] { "(not set)" }, 1, 2)]
    [InlineData(FilterOperator.Is, new[] { "Chrome", "(not set)" }, 2, 4)]
    [InlineData(FilterOperator.Is, new[] { "Opera" }, 0, 0)]
    [InlineData(FilterOperator.IsNot, new[] { "(not set)" }, 2, 3)]
    [InlineData(FilterOperator.IsNot, new[] { "Chrome" }, 2, 3)]
    [InlineData(FilterOperator.Contains, new[] { "fox" }, 1, 1)]
    [InlineData(FilterOperator.Contains, new[] { "not set" }, 1, 2)]
    [InlineData(FilterOperator.DoesNotContain, new[] { "o" }, 0, 0)]
    [InlineData(FilterOperator.Matches, new[] { "^Fi" }, 1, 1)]
    [InlineData(FilterOperator.DoesNotMatch, new[] { "^C", "^F" }, 1, 2)]
    public async Task Every_operator_on_a_coded_visit_dimension_reads_its_text_and_not_set(FilterOperator op, string[] values, int visitors, int pageviews)
    {
        Assert.Equal([visitors, pageviews, visitors], await Aggregate(F(op, "visit:browser", values)));
    }

    [Fact]
    public async Task Os_and_versions_filter_by_text_too()
    {
        Assert.Equal([1, 2, 1], await Aggregate(F(FilterOperator.Is, "visit:os", "Linux")));
        Assert.Equal([1, 1, 1], await Aggregate(F(FilterOperator.Matches, "visit:browser_version", "^121")));
        Assert.Equal([2, 4, 2], await Aggregate(F(FilterOperator.Is, "visit:os_version", "(not set)")));
    }

    [Theory]
    [InlineData("event:hostname", FilterOperator.Is, new[] { "blog.example.com" }, 1, 1)]
    [InlineData("event:hostname", FilterOperator.Contains, new[] { "example" }, 3, 5)]
    [InlineData("event:hostname", FilterOperator.IsNot, new[] { "blog.example.com" }, 3, 4)]
    [InlineData("event:name", FilterOperator.Is, new[] { "Signup" }, 1, 0)]
    [InlineData("event:name", FilterOperator.Is, new[] { "never sent" }, 0, 0)]
    [InlineData("event:name", FilterOperator.Matches, new[] { "^page" }, 3, 5)]
    public async Task Coded_event_dimensions_filter_by_text(string dimension, FilterOperator op, string[] values, int visitors, int pageviews)
    {
        Assert.Equal([visitors, pageviews, visitors], await Aggregate(F(op, dimension, values)));
    }

    [Fact]
    public async Task The_not_set_group_of_a_coded_visit_dimension_gets_its_sessions_when_events_are_counted_too()
    {
        // An event filter with event counts: the events' counts and the sessions' are computed apart and joined by group.
        var rows = await Breakdown("visit:browser", [Metric.Pageviews, Metric.Visits, Metric.BounceRate], F(FilterOperator.Contains, "event:page", "/"));
        Assert.Equal(new Dictionary<string, double?[]>
        {
            ["Chrome"] = [2, 1, 0],
            ["Firefox"] = [1, 1, 0],
            ["(not set)"] = [2, 1, 0],
        }, rows);
    }

    [Fact]
    public async Task Coded_dimensions_break_down_into_their_text()
    {
        Assert.Equal(new Dictionary<string, double?[]> { ["Linux"] = [1], ["Windows"] = [1], ["(not set)"] = [1] }, await Breakdown("visit:os", [Metric.Visitors]));
        Assert.Equal(new Dictionary<string, double?[]> { ["11"] = [1], ["(not set)"] = [2] }, await Breakdown("visit:os_version", [Metric.Visitors]));
        Assert.Equal(new Dictionary<string, double?[]> { ["blog.example.com"] = [1, 1], ["example.com"] = [3, 4] }, await Breakdown("event:hostname", [Metric.Visitors, Metric.Pageviews]));
        Assert.Equal(new Dictionary<string, double?[]> { ["pageview"] = [3, 5], ["Signup"] = [1, 1] }, await Breakdown("event:name", [Metric.Visitors, Metric.Events]));
        // With time on page (engagement counted): not answered from sessions alone.
        var pages = await Breakdown("visit:browser_version", [Metric.Visitors, Metric.Visits, Metric.TimeOnPage]);
        Assert.Equal([1, 1, 30], pages["120.0"]);
        Assert.Equal([1, 1, 0], pages["(not set)"]);
    }
}
