namespace Candor.Analytics.Query;

/// <summary>
/// One question to the query layer, independent of HTTP: the Stats API v1 and v2 and the dashboard all build
/// these. <see cref="Range"/> is already resolved from a period (see <c>Period</c>); <see cref="Interval"/> sets the
/// bucket of a bare <c>time</c> dimension. Rows come back ordered by <see cref="OrderBy"/> (default: the first
/// metric descending, then the dimensions ascending; for a time dimension: time ascending).
/// </summary>
public sealed record StatsQuery
{
    public required string Site { get; init; }
    public required DateRange Range { get; init; }
    public required IReadOnlyList<Metric> Metrics { get; init; }
    public IReadOnlyList<Dimension> Dimensions { get; init; } = [];
    public IReadOnlyList<Filter> Filters { get; init; } = [];
    public IReadOnlyList<(string Key, bool Descending)> OrderBy { get; init; } = [];
    public Interval Interval { get; init; } = Interval.Day;
    /// <summary>Time dimensions get one row per bucket in the range, with zero metrics where nothing happened.</summary>
    public bool ZeroFillTime { get; init; } = true;
    public int Limit { get; init; } = 10_000;
    public int Offset { get; init; }
    /// <summary>The site's goals: what <c>event:goal</c> and <c>conversion_rate</c> mean.</summary>
    public IReadOnlyList<Goal> Goals { get; init; } = [];
}

/// <summary>One row: the dimension values in query order (time as ISO text), then the metric values in query order.</summary>
public sealed record ResultRow(IReadOnlyList<string> Dimensions, IReadOnlyList<double?> Metrics);

/// <summary>
/// The answer: <see cref="Rows"/> (after limit/offset) and <see cref="TotalRows"/>, the number of rows before
/// limit/offset (for pagination and the dashboard's "more" links).
/// </summary>
public sealed record QueryResult(IReadOnlyList<ResultRow> Rows, long TotalRows);

/// <summary>The query layer's surface. Implementations build SQL through an <c>ISqlDialect</c> so another engine can follow.</summary>
public interface IStatsQueries
{
    Task<QueryResult> QueryAsync(StatsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Distinct visitors with an event in the last five minutes.</summary>
    Task<long> CurrentVisitorsAsync(string site, CancellationToken cancellationToken = default);

    /// <summary>The time of the site's first stored event (where the <c>all</c> period starts); null when it has none.</summary>
    Task<DateTime?> FirstEventAsync(string site, CancellationToken cancellationToken = default);
}
