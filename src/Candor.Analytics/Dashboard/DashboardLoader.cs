using Candor.Analytics.Query;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// Asks the query layer for everything a dashboard view shows — top stats, the graph, each panel, current visitors,
/// and the same for the compared range — all at once (the queries are independent, so they run in parallel), then
/// passes each answer through <see cref="KAnonymity"/>.
/// </summary>
public sealed class DashboardLoader(IStatsQueries queries)
{
    public static readonly IReadOnlyList<Metric> TrafficMetrics =
        [Metric.Visitors, Metric.Visits, Metric.Pageviews, Metric.ViewsPerVisit, Metric.BounceRate, Metric.VisitDuration];

    public static readonly IReadOnlyList<Metric> ConversionMetrics = [Metric.Visitors, Metric.Events, Metric.ConversionRate];

    private static readonly IReadOnlyList<Metric> GraphMetrics = [Metric.Visitors];

    /// <summary>What one view needs resolved before asking: whose data, which range, how to bucket it.</summary>
    public sealed record Request
    {
        public required string Site { get; init; }
        public required DashboardState State { get; init; }
        public required KAnonymity Privacy { get; init; }
        public required DateRange Range { get; init; }
        public required Interval Interval { get; init; }
        public DateRange? ComparedRange { get; init; }
        public IReadOnlyList<Goal> Goals { get; init; } = [];
        /// <summary>Rows per panel (the page shows 9 plus "(other)"; the "more" view and exports more).</summary>
        public int RowsPerPanel { get; init; } = 9;
        /// <summary>Panels whose row limit is <see cref="FullRows"/> instead (the one listed in full, or all of them in an export).</summary>
        public Func<Panel, bool> Full { get; init; } = _ => false;
        public int FullRows { get; init; } = 1000;
    }

    public async Task<DashboardData> LoadAsync(Request request, CancellationToken cancellationToken = default)
    {
        // The admission check runs alongside the view it guards (the common case, every filter admitted, then costs no
        // extra wait); if it refuses a filter, that view is thrown away unseen and the page is loaded without it.
        var admission = AdmittedFiltersAsync(request, cancellationToken);
        var optimistic = LoadAsync(request, request.State.Filters, [], cancellationToken);
        var (filters, refused) = await admission;
        if (refused.Count == 0) return await optimistic;
        try
        {
            await optimistic;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Its figures are discarded either way; only the reloaded view below is shown.
        }
        return await LoadAsync(request, filters, refused, cancellationToken);
    }

    private async Task<DashboardData> LoadAsync(Request request, IReadOnlyList<Filter> filters, IReadOnlyList<string> refused, CancellationToken cancellationToken)
    {
        var goalFiltered = filters.Any(f => f.Dimension.Name == "event:goal");
        var topMetrics = goalFiltered ? ConversionMetrics : TrafficMetrics;
        StatsQuery Query(DateRange range, IReadOnlyList<Metric> metrics) => new()
        {
            Site = request.Site, Range = range, Metrics = metrics, Filters = filters, Interval = request.Interval, Goals = request.Goals,
        };

        var top = queries.QueryAsync(Query(request.Range, topMetrics), cancellationToken);
        var graph = queries.QueryAsync(Query(request.Range, GraphMetrics) with { Dimensions = [Dimension.Parse("time")] }, cancellationToken);
        Task<QueryResult>? topCompared = null, graphCompared = null;
        if (request.ComparedRange is { } compared)
        {
            topCompared = queries.QueryAsync(Query(compared, topMetrics), cancellationToken);
            graphCompared = queries.QueryAsync(Query(compared, GraphMetrics) with { Dimensions = [Dimension.Parse("time")] }, cancellationToken);
        }
        var current = queries.CurrentVisitorsAsync(request.Site, cancellationToken);
        var panels = Panel.All.Select(panel =>
        {
            var tab = request.State.TabOf(panel, request.Goals);
            var limit = request.Full(panel) ? request.FullRows : request.RowsPerPanel;
            var query = Query(request.Range, tab.Metrics) with
            {
                Dimensions = [tab.Dimension],
                Filters = [.. filters, .. tab.ExtraFilters ?? []],
                // One more than shown, so the page knows whether a "more" link is worth offering.
                Limit = limit + 1,
            };
            return (panel, tab, result: queries.QueryAsync(query, cancellationToken));
        }).ToList();

        await Task.WhenAll([top, graph, current, .. panels.Select(p => p.result), .. new[] { topCompared, graphCompared }.OfType<Task<QueryResult>>()]);

        var privacy = request.Privacy;
        return new DashboardData
        {
            Site = request.Site,
            State = request.State with { Filters = filters },
            Privacy = privacy,
            Range = request.Range,
            Interval = request.Interval,
            ComparedRange = request.ComparedRange,
            Goals = request.Goals,
            TopMetrics = topMetrics,
            Top = privacy.Group(Aggregate(top.Result, topMetrics), topMetrics),
            TopCompared = topCompared is null ? null : privacy.Group(Aggregate(topCompared.Result, topMetrics), topMetrics),
            Graph = privacy.Series(graph.Result, GraphMetrics),
            GraphCompared = graphCompared is null ? null : privacy.Series(graphCompared.Result, GraphMetrics),
            Panels = panels.Select(p => new PanelView(p.panel, p.tab, privacy.Breakdown(p.result.Result, p.tab.Metrics))).ToList(),
            CurrentVisitors = privacy.Count(current.Result),
            Problems = [.. request.State.Problems, .. refused],
        };
    }

    /// <summary>An aggregate's one row (an empty answer counts as zeros).</summary>
    private static IReadOnlyList<double?> Aggregate(QueryResult result, IReadOnlyList<Metric> metrics) =>
        result.Rows.Count > 0 ? result.Rows[0].Metrics : metrics.Select(_ => (double?)0).ToList();

    /// <summary>
    /// On an anonymised view each filter must match at least k visitors on its own (over the whole range); a filter
    /// by a value folded into "(other)" is refused rather than applied, or it would point straight at those visitors.
    /// </summary>
    public async Task<(IReadOnlyList<Filter> Admitted, IReadOnlyList<string> Refused)> AdmittedFiltersAsync(Request request, CancellationToken cancellationToken)
    {
        var filters = request.State.Filters;
        if (request.Privacy.IsExact || filters.Count == 0) return (filters, []);
        var counts = await Task.WhenAll(filters.Select(filter => queries.QueryAsync(new StatsQuery
        {
            Site = request.Site, Range = request.Range, Metrics = GraphMetrics, Filters = [filter], Goals = request.Goals,
        }, cancellationToken)));
        var admitted = new List<Filter>();
        var refused = new List<string>();
        for (var i = 0; i < filters.Count; i++)
        {
            if (request.Privacy.AdmitsFilter(Aggregate(counts[i], GraphMetrics)[0] ?? 0)) admitted.Add(filters[i]);
            else refused.Add($"filter \"{DashboardFilter.Describe(filters[i])}\" matches fewer than {request.Privacy.K} visitors, so this dashboard does not apply it");
        }
        return (admitted, refused);
    }
}
