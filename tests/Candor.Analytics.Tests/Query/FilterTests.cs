using Candor.Analytics.Query;

namespace Candor.Analytics.Tests.Query;

/// <summary>
/// Every operator on a visit dimension, an event dimension and a property; values OR-ed, filters AND-ed; values are
/// parameters, so hostile text is only ever compared.
/// </summary>
public sealed class FilterTests : IAsyncLifetime
{
    private readonly StatsSite _site = new();

    public async Task InitializeAsync()
    {
        _site.Visit(1, StatsSite.Day.AddHours(1), e => e with { Source = "Google" }).Pageview("/").Pageview("/blog/a", TimeSpan.FromMinutes(1), ("author", "ann"));
        _site.Visit(2, StatsSite.Day.AddHours(2), e => e with { Source = "GitHub" }).Pageview("/blog/b", props: ("author", "bob"));
        _site.Visit(3, StatsSite.Day.AddHours(3)).Pageview("/docs");
        await _site.FlushAsync();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private async Task<double?[]> Aggregate(params Filter[] filters)
    {
        var result = await _site.QueryAsync(StatsSite.DayQuery(Metric.Visitors, Metric.Pageviews, Metric.Visits) with { Filters = filters });
        return Assert.Single(result.Rows).Metrics.ToArray();
    }

    private static Filter F(FilterOperator op, string dimension, params string[] values) => new(op, Dimension.Parse(dimension), values);

    [Theory]
    [InlineData(FilterOperator.Is, new[] { "Google" }, 1, 2)]
    [InlineData(FilterOperator.Is, new[] { "Google", "GitHub" }, 2, 3)]
    [InlineData(FilterOperator.Is, new[] { "Direct / None" }, 1, 1)]
    [InlineData(FilterOperator.IsNot, new[] { "Google" }, 2, 2)]
    [InlineData(FilterOperator.Contains, new[] { "oo" }, 1, 2)]
    [InlineData(FilterOperator.Contains, new[] { "git" }, 0, 0)] // case-sensitive, like Plausible's default
    [InlineData(FilterOperator.DoesNotContain, new[] { "G" }, 1, 1)]
    [InlineData(FilterOperator.Matches, new[] { "^G.*b$" }, 1, 1)]
    [InlineData(FilterOperator.DoesNotMatch, new[] { "^Go", "Hub$" }, 1, 1)]
    public async Task Operators_on_a_visit_dimension_keep_whole_sessions(FilterOperator op, string[] values, int visitors, int pageviews)
    {
        var metrics = await Aggregate(F(op, "visit:source", values));
        Assert.Equal([visitors, pageviews, visitors], metrics);
    }

    [Theory]
    [InlineData(FilterOperator.Is, new[] { "/blog/a" }, 1, 1)]
    [InlineData(FilterOperator.IsNot, new[] { "/" }, 3, 3)]
    [InlineData(FilterOperator.Contains, new[] { "/blog/" }, 2, 2)]
    [InlineData(FilterOperator.DoesNotContain, new[] { "blog", "docs" }, 1, 1)]
    [InlineData(FilterOperator.Matches, new[] { "^/blog/[ab]$" }, 2, 2)]
    [InlineData(FilterOperator.DoesNotMatch, new[] { "^/(blog|docs)" }, 1, 1)]
    public async Task Operators_on_an_event_dimension_keep_matching_events_and_their_sessions(FilterOperator op, string[] values, int visitors, int pageviews)
    {
        var metrics = await Aggregate(F(op, "event:page", values));
        Assert.Equal([visitors, pageviews, visitors], metrics);
    }

    [Theory]
    [InlineData(FilterOperator.Is, new[] { "ann" }, 1, 1)]
    [InlineData(FilterOperator.Is, new[] { "(none)" }, 2, 2)]
    [InlineData(FilterOperator.IsNot, new[] { "ann" }, 3, 3)]
    [InlineData(FilterOperator.Contains, new[] { "o" }, 1, 1)]
    [InlineData(FilterOperator.DoesNotContain, new[] { "n" }, 3, 3)]
    [InlineData(FilterOperator.Matches, new[] { "^(ann|bob)$" }, 2, 2)]
    [InlineData(FilterOperator.DoesNotMatch, new[] { "b" }, 2, 3)]
    public async Task Operators_on_a_property(FilterOperator op, string[] values, int visitors, int pageviews)
    {
        // Events without the property are "(none)" to is/is_not and have nothing to contain or match.
        var metrics = await Aggregate(F(op, "event:props:author", values));
        Assert.Equal([visitors, pageviews, visitors], metrics);
    }

    [Fact]
    public async Task Filters_combine_with_and()
    {
        Assert.Equal([1, 1, 1], await Aggregate(F(FilterOperator.Contains, "event:page", "/blog/"), F(FilterOperator.Is, "visit:source", "GitHub")));
        Assert.Equal([0, 0, 0], await Aggregate(F(FilterOperator.Is, "event:page", "/docs"), F(FilterOperator.Is, "visit:source", "GitHub")));
    }

    [Fact]
    public async Task A_filter_applies_to_breakdowns_too()
    {
        var result = await _site.QueryAsync(StatsSite.DayQuery(Metric.Visitors) with
        {
            Dimensions = [Dimension.Parse("event:page")],
            Filters = [F(FilterOperator.Is, "visit:source", "Google")],
        });
        Assert.Equal(["/", "/blog/a"], result.Rows.Select(r => r.Dimensions[0]));
    }

    [Fact]
    public async Task Unknown_prop_keys_and_hostile_values_match_nothing_and_harm_nothing()
    {
        Assert.Equal([0, 0, 0], await Aggregate(F(FilterOperator.Is, "event:props:missing", "x")));
        Assert.Equal([0, 0, 0], await Aggregate(F(FilterOperator.Is, "event:page", "'; DROP TABLE events; --")));
        Assert.Equal([0, 0, 0], await Aggregate(F(FilterOperator.Contains, "visit:source", "') OR 1=1 --")));
        var result = await _site.QueryAsync(StatsSite.DayQuery(Metric.Visitors) with { Dimensions = [Dimension.Parse("event:props:x') OR true --")] });
        Assert.Equal(["(none)"], result.Rows.Select(r => r.Dimensions[0]));
        Assert.Equal(4, await _site.Store.CountAsync());
    }

    [Fact]
    public async Task A_bad_regular_expression_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<StatsQueryException>(() => Aggregate(F(FilterOperator.Matches, "event:page", "([")));
        Assert.Contains("([", error.Message);
        Assert.Contains("event:page", error.Message);
    }

    [Fact]
    public async Task Filters_without_values_or_on_time_are_refused()
    {
        await Assert.ThrowsAsync<StatsQueryException>(() => Aggregate(F(FilterOperator.Is, "event:page")));
        await Assert.ThrowsAsync<StatsQueryException>(() => Aggregate(F(FilterOperator.Is, "time:day", "2026-03-10")));
    }
}
