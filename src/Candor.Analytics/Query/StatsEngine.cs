using System.Numerics;
using Candor.Analytics.Query.Sql;
using Candor.Analytics.Store;

namespace Candor.Analytics.Query;

/// <summary>
/// The query layer over a store's <see cref="ISqlReader"/>: checks the query, runs the SQL <see cref="StatsSql"/>
/// writes (plus the totals that percentage and conversion_rate divide by, in parallel), then computes the metrics
/// with the reference's rounding, zero-fills a timeseries, orders and pages. Thread-safe; one instance serves
/// every request.
/// </summary>
public sealed class StatsEngine : IStatsQueries
{
    private static readonly TimeSpan CurrentWindow = TimeSpan.FromMinutes(5);
    private readonly ISqlReader reader;
    private readonly TimeProvider time;
    private readonly SessionDayCache? _sessionDays;
    private readonly SiteIds _siteIds;
    // Patterns already proven valid: a dashboard re-sends the same filter with every panel and refresh, and each check
    // is a query. Bounded (emptied when full) because the patterns come from visitors.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _validPatterns = new(StringComparer.Ordinal);
    private const int MaxValidPatterns = 1_000;

    /// <param name="reader">The store to read (a <see cref="DuckDbEventStore"/>).</param>
    /// <param name="time">The clock for current visitors and for which days are over.</param>
    /// <param name="cacheSessions">
    /// Keep closed days' sessions in the store's session cache when it can write one (<see cref="ISqlWriter"/>); off,
    /// every query summarises sessions from the events (the cache's tests compare the two).
    /// </param>
    public StatsEngine(ISqlReader reader, TimeProvider time, bool cacheSessions = true)
    {
        this.reader = reader;
        this.time = time;
        _siteIds = new SiteIds(reader);
        if (cacheSessions && reader is ISqlWriter writer) _sessionDays = new SessionDayCache(reader, writer, time, _siteIds);
    }

    public async Task<long> CurrentVisitorsAsync(string site, CancellationToken cancellationToken = default)
    {
        var d = reader.Dialect;
        var p = new SqlParameters(d);
        var sql = $"SELECT {d.Aggregate(AggregateFunction.CountDistinct, null, "visitor_id")} FROM {Labels.EventTable} WHERE site = {p.Add(await _siteIds.IdOfAsync(site, cancellationToken))} AND timestamp >= {p.Add(time.GetUtcNow().UtcDateTime - CurrentWindow)}";
        var rows = await reader.ReadAsync(sql, p.Values, cancellationToken);
        return rows.Count == 0 ? 0 : (long)Number(rows[0][0]);
    }

    /// <summary>
    /// Summarises the closed days of <paramref name="range"/> into the session cache now, instead of in the background
    /// after the first query that needs them (for warming at start-up, say the last 12 months, and for benchmarks).
    /// False when there is no cache or filling failed; queries are right either way.
    /// </summary>
    public async Task<bool> PrepareAsync(string site, DateRange range, CancellationToken cancellationToken = default) =>
        _sessionDays is not null && await _sessionDays.FillAsync(site, range, cancellationToken);

    public async Task<DateTime?> FirstEventAsync(string site, CancellationToken cancellationToken = default)
    {
        var d = reader.Dialect;
        var sql = $"SELECT {d.Aggregate(AggregateFunction.Min, null, "timestamp")} FROM {Labels.EventTable} WHERE site = {d.Parameter(0)}";
        var rows = await reader.ReadAsync(sql, [await _siteIds.IdOfAsync(site, cancellationToken)], cancellationToken);
        return rows.Count == 0 || rows[0][0] is not DateTime first ? null : DateTime.SpecifyKind(first, DateTimeKind.Utc);
    }

    public async Task<QueryResult> QueryAsync(StatsQuery query, CancellationToken cancellationToken = default)
    {
        StatsQueryValidation.Check(query);
        await CheckRegexesAsync(query, cancellationToken);

        var needs = query.Metrics.Aggregate(RawColumn.None, (set, m) => set | RawColumns.For(m));
        var main = RunAsync(query, needs, cancellationToken);
        var totalVisitors = query.Metrics.Contains(Metric.Percentage) && query.Dimensions.Count > 0
            ? RunAsync(query with { Dimensions = [] }, RawColumn.Visitors, cancellationToken)
            : null;
        Task<Groups>? conversionBase = null;
        var goalDimension = query.Dimensions.ToList().FindIndex(x => x.Name == "event:goal");
        if (query.Metrics.Contains(Metric.ConversionRate))
        {
            conversionBase = RunAsync(query with
            {
                Filters = query.Filters.Where(f => f.Dimension.Name != "event:goal").ToList(),
                Dimensions = query.Dimensions.Where(x => x.Name != "event:goal").ToList(),
            }, RawColumn.Visitors, cancellationToken);
        }
        var groups = await main;
        var total = totalVisitors is null ? (double?)null : (await totalVisitors).Single(RawColumn.Visitors);
        var conversions = conversionBase is null ? null : await conversionBase;

        var rows = new List<(string[] Dimensions, double?[] Metrics)>(groups.Rows.Count);
        foreach (var (dims, raw) in groups.Rows)
            rows.Add((dims, Compute(query, groups, dims, raw, total, conversions, goalDimension)));

        if (query.ZeroFillTime && query.Dimensions.Count == 1 && query.Dimensions[0].IsTime)
        {
            var interval = TimeBuckets.IntervalOf(query.Dimensions[0], query.Interval);
            var present = rows.Select(r => r.Dimensions[0]).ToHashSet(StringComparer.Ordinal);
            var zero = new double[groups.Columns.Count];
            foreach (var bucket in TimeBuckets.Covering(query.Range, interval))
            {
                var key = TimeBuckets.Format(bucket, interval);
                if (present.Add(key)) rows.Add(([key], Compute(query, groups, [key], zero, total, conversions, goalDimension)));
            }
        }

        rows.Sort(RowOrder.For(query));
        var page = rows.Skip(query.Offset).Take(query.Limit)
            .Select(r => new ResultRow(r.Dimensions, r.Metrics))
            .ToList();
        return new QueryResult(page, rows.Count);
    }

    private double?[] Compute(StatsQuery query, Groups groups, string[] dims, double[] raw, double? totalVisitors, Groups? conversions, int goalDimension)
    {
        double Raw(RawColumn c) => raw[groups.IndexOf(c)];
        var values = new double?[query.Metrics.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = query.Metrics[i] switch
            {
                Metric.Visitors => Raw(RawColumn.Visitors),
                Metric.Visits => Raw(RawColumn.Visits),
                Metric.Pageviews => Raw(RawColumn.Pageviews),
                Metric.Events => Raw(RawColumn.Events),
                Metric.ViewsPerVisit => Ratio(Raw(RawColumn.SessionPageviews), Raw(RawColumn.Visits), 1, 2),
                Metric.BounceRate => Ratio(Raw(RawColumn.Bounces), Raw(RawColumn.Visits), 100, 0),
                Metric.VisitDuration => Ratio(Raw(RawColumn.DurationSum), Raw(RawColumn.Visits), 1, 0),
                Metric.Percentage => Ratio(Raw(RawColumn.Visitors), totalVisitors ?? Raw(RawColumn.Visitors), 100, 1),
                Metric.ConversionRate => Ratio(Raw(RawColumn.Visitors), conversions!.Visitors(goalDimension < 0 ? dims : [.. dims[..goalDimension], .. dims[(goalDimension + 1)..]]), 100, 1),
                // Engaged time per visit that viewed the page, in whole seconds; no such visits: no figure.
                Metric.TimeOnPage => Raw(RawColumn.PageVisits) == 0 ? null : Round(Raw(RawColumn.EngagedMilliseconds) / 1000 / Raw(RawColumn.PageVisits), 0),
                _ => throw new ArgumentOutOfRangeException(nameof(query)),
            };
        }
        return values;
    }

    /// <summary>numerator / denominator × scale, rounded half away from zero; 0 when there is nothing to divide by.</summary>
    private static double Ratio(double numerator, double denominator, double scale, int decimals) =>
        denominator == 0 ? 0 : Round(numerator / denominator * scale, decimals);

    private static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    private async Task<Groups> RunAsync(StatsQuery query, RawColumn needs, CancellationToken cancellationToken)
    {
        // Totals filtered by an event (top stats of a page, a goal) that also count events: the session figures can
        // come from the session cache and the event counts from one plain pass over the matching events, instead of
        // one statement summarising every session from its events.
        const RawColumn eventCounts = RawColumn.Pageviews | RawColumn.Events;
        if (_sessionDays is not null && query.Dimensions.Count == 0 && query.Filters.Count > 0 && query.Filters.All(f => !f.Dimension.IsVisit)
            && (needs & eventCounts) != 0 && (needs & ~eventCounts) != 0 && !StatsSql.IsSessionOnly(query, needs))
        {
            var sessions = RunAsync(query, needs & ~eventCounts, cancellationToken);
            var events = RunAsync(query, needs & eventCounts, cancellationToken);
            return Groups.Combine(needs, await sessions, await events);
        }
        var cached = _sessionDays is not null && StatsSql.IsSessionOnly(query, needs)
            ? await _sessionDays.EnsureAsync(query.Site, query.Range, cancellationToken)
            : null;
        var sql = StatsSql.Build(query, await _siteIds.IdOfAsync(query.Site, cancellationToken), needs, reader.Dialect, cached);
        var rows = await reader.ReadAsync(sql.Text, sql.Parameters, cancellationToken);
        var intervals = query.Dimensions.Select(x => x.IsTime ? TimeBuckets.IntervalOf(x, query.Interval) : (Interval?)null).ToArray();
        var result = new List<(string[], double[])>(rows.Count);
        foreach (var row in rows)
        {
            var dims = new string[sql.DimensionCount];
            for (var i = 0; i < dims.Length; i++)
            {
                dims[i] = row[i] switch
                {
                    DateTime t when intervals[i] is { } interval => TimeBuckets.Format(t, interval),
                    null => "",
                    var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                };
            }
            var raw = new double[sql.Columns.Count];
            for (var i = 0; i < raw.Length; i++) raw[i] = Number(row[sql.DimensionCount + i]);
            result.Add((dims, raw));
        }
        return new Groups(sql.Columns, result);
    }

    /// <summary>DuckDB answers sums as 128-bit integers or decimals and counts as 64-bit ones; NULL (an empty sum) is 0.</summary>
    private static double Number(object? value) => value switch
    {
        null => 0,
        BigInteger big => (double)big,
        _ => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A bad regular expression is the client's mistake, so it is reported as one — by asking the engine itself,
    /// whose regex syntax (RE2) is the one that counts, before the real query runs.
    /// </summary>
    private async Task CheckRegexesAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        foreach (var filter in query.Filters)
        {
            if (filter.Operator is not (FilterOperator.Matches or FilterOperator.DoesNotMatch)) continue;
            foreach (var pattern in filter.Values)
            {
                var d = reader.Dialect;
                // Goal patterns are also run by .NET's engine (StatsSql matches goal names in memory), so they are keyed apart.
                var key = (filter.Dimension.Name == "event:goal" ? "goal\n" : "sql\n") + pattern;
                if (_validPatterns.ContainsKey(key)) continue;
                try
                {
                    await reader.ReadAsync($"SELECT {d.RegexMatches(d.Parameter(0), d.Parameter(1))}", ["", pattern], cancellationToken);
                    if (filter.Dimension.Name == "event:goal") _ = new System.Text.RegularExpressions.Regex(pattern);
                    if (_validPatterns.Count >= MaxValidPatterns) _validPatterns.Clear();
                    _validPatterns[key] = true;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new StatsQueryException($"Invalid regular expression \"{pattern}\" in the filter on {filter.Dimension.Name}.");
                }
            }
        }
    }

    /// <summary>The groups one statement returned: dimension values as text, raw columns as numbers.</summary>
    private sealed class Groups(IReadOnlyList<RawColumn> columns, List<(string[] Dimensions, double[] Raw)> rows)
    {
        private Dictionary<string, double>? _visitorsByKey;

        public IReadOnlyList<RawColumn> Columns => columns;
        public List<(string[] Dimensions, double[] Raw)> Rows => rows;

        public int IndexOf(RawColumn column)
        {
            for (var i = 0; i < columns.Count; i++) if (columns[i] == column) return i;
            throw new InvalidOperationException($"{column} was not queried.");
        }

        /// <summary>The one row of two dimensionless answers, as one answer with <paramref name="needs"/>' columns.</summary>
        public static Groups Combine(RawColumn needs, Groups first, Groups second)
        {
            var columns = RawColumns.In(needs).ToList();
            var raw = columns.Select(c => first.Columns.Contains(c) ? first.Single(c) : second.Single(c)).ToArray();
            return new Groups(columns, [([], raw)]);
        }

        /// <summary>The only row's value (a query without dimensions has exactly one).</summary>
        public double Single(RawColumn column) => rows.Count == 0 ? 0 : rows[0].Raw[IndexOf(column)];

        /// <summary>Visitors of the group with these dimension values (0 when there is none).</summary>
        public double Visitors(string[] dims)
        {
            _visitorsByKey ??= rows.ToDictionary(r => string.Join('\u001f', r.Dimensions), r => r.Raw[IndexOf(RawColumn.Visitors)]);
            return _visitorsByKey.GetValueOrDefault(string.Join('\u001f', dims));
        }
    }
}
