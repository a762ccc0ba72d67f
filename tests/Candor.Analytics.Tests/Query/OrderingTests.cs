using Candor.Analytics.Query;

namespace Candor.Analytics.Tests.Query;

/// <summary>Default and explicit ordering, limit/offset and TotalRows.</summary>
public sealed class OrderingTests : IAsyncLifetime
{
    private readonly StatsSite _site = new();

    public async Task InitializeAsync()
    {
        // Page /pN is seen by N visitors, for N = 1…5.
        ulong visitor = 1;
        for (var n = 1; n <= 5; n++)
            for (var v = 0; v < n; v++)
                _site.Visit(visitor++, StatsSite.Day.AddHours(1).AddMinutes(n)).Pageview("/p" + n);
        await _site.FlushAsync();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private StatsQuery Pages => StatsSite.DayQuery(Metric.Visitors) with { Dimensions = [Dimension.Parse("event:page")] };

    [Fact]
    public async Task Default_order_is_the_first_metric_descending()
    {
        var result = await _site.QueryAsync(Pages);
        Assert.Equal(["/p5", "/p4", "/p3", "/p2", "/p1"], result.Rows.Select(r => r.Dimensions[0]));
    }

    [Fact]
    public async Task Limit_and_offset_page_through_and_TotalRows_counts_all()
    {
        var result = await _site.QueryAsync(Pages with { Limit = 2, Offset = 2 });
        Assert.Equal(["/p3", "/p2"], result.Rows.Select(r => r.Dimensions[0]));
        Assert.Equal(5, result.TotalRows);
    }

    [Fact]
    public async Task Explicit_order_by_dimension_or_metric()
    {
        var byPage = await _site.QueryAsync(Pages with { OrderBy = [("event:page", false)] });
        Assert.Equal(["/p1", "/p2", "/p3", "/p4", "/p5"], byPage.Rows.Select(r => r.Dimensions[0]));
        var ascending = await _site.QueryAsync(Pages with { OrderBy = [("visitors", false)], Limit = 1 });
        Assert.Equal("/p1", Assert.Single(ascending.Rows).Dimensions[0]);
    }

    [Fact]
    public async Task Bad_order_keys_limits_and_ranges_are_refused()
    {
        await Assert.ThrowsAsync<StatsQueryException>(() => _site.QueryAsync(Pages with { OrderBy = [("pageviews", true)] }));
        await Assert.ThrowsAsync<StatsQueryException>(() => _site.QueryAsync(Pages with { Limit = -1 }));
        await Assert.ThrowsAsync<StatsQueryException>(() => _site.QueryAsync(Pages with { Range = new DateRange(StatsSite.Day, StatsSite.Day) }));
        await Assert.ThrowsAsync<StatsQueryException>(() => _site.QueryAsync(Pages with { Metrics = [] }));
    }

    [Fact]
    public async Task Parallel_queries_all_answer()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _site.Engine.QueryAsync(Pages)));
        Assert.All(results, r => Assert.Equal(5, r.TotalRows));
    }
}
