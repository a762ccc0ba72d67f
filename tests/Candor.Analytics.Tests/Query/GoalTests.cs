using Candor.Analytics.Query;

namespace Candor.Analytics.Tests.Query;

/// <summary>Goals (event names and page paths with wildcards) as a dimension, a filter and conversion_rate.</summary>
public sealed class GoalTests : IAsyncLifetime
{
    private static readonly Goal[] Goals = [Goal.Event("Signup"), Goal.Page("/blog/*"), Goal.Page("/docs/**/api"), Goal.Event("Never")];
    private readonly StatsSite _site = new();

    public async Task InitializeAsync()
    {
        var minute = TimeSpan.FromMinutes(1);
        _site.Visit(1, StatsSite.Day.AddHours(1), e => e with { Source = "Google" }).Pageview("/").Custom("Signup", "/", minute).Custom("Signup", "/", minute);
        _site.Visit(2, StatsSite.Day.AddHours(2), e => e with { Source = "Google" }).Pageview("/blog/a").Pageview("/blog/deep/b", minute);
        _site.Visit(3, StatsSite.Day.AddHours(3)).Pageview("/docs/v1/x/api").Pageview("/blog", minute);
        _site.Visit(4, StatsSite.Day.AddHours(4)).Pageview("/");
        await _site.FlushAsync();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private StatsQuery Query(params Metric[] metrics) => StatsSite.DayQuery(metrics) with { Goals = Goals };

    [Fact]
    public async Task The_goal_dimension_counts_conversions_and_converting_visitors()
    {
        var result = await _site.QueryAsync(Query(Metric.Visitors, Metric.Events, Metric.ConversionRate) with { Dimensions = [Dimension.Parse("event:goal")] });

        var rows = result.Rows.ToDictionary(r => r.Dimensions[0], r => r.Metrics.ToArray());
        Assert.Equal([1, 2, 25], rows["Signup"]);
        Assert.Equal([1, 2, 25], rows["Visit /blog/*"]); // "/blog" itself is not under /blog/
        Assert.Equal([1, 1, 25], rows["Visit /docs/**/api"]);
        Assert.False(rows.ContainsKey("Never"));
    }

    [Fact]
    public async Task A_goal_filter_keeps_converting_visits_and_conversion_rate_divides_by_all_visitors()
    {
        var result = await _site.QueryAsync(Query(Metric.Visitors, Metric.ConversionRate) with
        {
            Filters = [new Filter(FilterOperator.Is, Dimension.Parse("event:goal"), ["Signup", "Visit /blog/*"])],
        });
        Assert.Equal([2, 50], Assert.Single(result.Rows).Metrics);
    }

    [Fact]
    public async Task Conversion_rate_by_source_divides_by_that_source_s_visitors()
    {
        var result = await _site.QueryAsync(Query(Metric.Visitors, Metric.ConversionRate) with
        {
            Dimensions = [Dimension.Parse("visit:source")],
            Filters = [new Filter(FilterOperator.Is, Dimension.Parse("event:goal"), ["Signup"])],
        });
        Assert.Equal([1, 50], Assert.Single(result.Rows, r => r.Dimensions[0] == "Google").Metrics);
    }

    [Fact]
    public async Task Goal_filters_by_contains_and_is_not()
    {
        var contains = await _site.QueryAsync(Query(Metric.Visitors) with { Filters = [new Filter(FilterOperator.Contains, Dimension.Parse("event:goal"), ["Visit"])] });
        Assert.Equal([2], Assert.Single(contains.Rows).Metrics);
        var unknown = await _site.QueryAsync(Query(Metric.Visitors) with { Filters = [new Filter(FilterOperator.Is, Dimension.Parse("event:goal"), ["No such goal"])] });
        Assert.Equal([0], Assert.Single(unknown.Rows).Metrics);
    }

    [Fact]
    public async Task Conversion_rate_without_a_goal_is_refused_with_plausible_s_message()
    {
        var error = await Assert.ThrowsAsync<StatsQueryException>(() => _site.QueryAsync(Query(Metric.ConversionRate)));
        Assert.Equal("Metric `conversion_rate` can only be queried with event:goal filters or dimensions.", error.Message);
    }
}
