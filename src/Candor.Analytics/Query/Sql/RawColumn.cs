namespace Candor.Analytics.Query.Sql;

/// <summary>
/// The sums and counts the SQL returns; the engine turns them into metrics (ratios and rounding happen in C#, so
/// every engine rounds alike). Event-level ones come from the matching events, session-level ones from the
/// matching sessions.
/// </summary>
[Flags]
internal enum RawColumn
{
    None = 0,
    Visitors = 1,
    Pageviews = 2,
    Events = 4,
    EngagedMilliseconds = 8,
    PageVisits = 16,
    Visits = 32,
    Bounces = 64,
    DurationSum = 128,
    SessionPageviews = 256,

    EventLevel = Visitors | Pageviews | Events | EngagedMilliseconds | PageVisits,
    SessionLevel = Visits | Bounces | DurationSum | SessionPageviews,
}

internal static class RawColumns
{
    public static readonly RawColumn[] All =
    [
        RawColumn.Visitors, RawColumn.Pageviews, RawColumn.Events, RawColumn.EngagedMilliseconds, RawColumn.PageVisits,
        RawColumn.Visits, RawColumn.Bounces, RawColumn.DurationSum, RawColumn.SessionPageviews,
    ];

    /// <summary>What a metric is computed from.</summary>
    public static RawColumn For(Metric metric) => metric switch
    {
        Metric.Visitors or Metric.ConversionRate or Metric.Percentage => RawColumn.Visitors,
        Metric.Visits => RawColumn.Visits,
        Metric.Pageviews => RawColumn.Pageviews,
        Metric.Events => RawColumn.Events,
        Metric.ViewsPerVisit => RawColumn.SessionPageviews | RawColumn.Visits,
        Metric.BounceRate => RawColumn.Bounces | RawColumn.Visits,
        Metric.VisitDuration => RawColumn.DurationSum | RawColumn.Visits,
        Metric.TimeOnPage => RawColumn.EngagedMilliseconds | RawColumn.PageVisits,
        _ => throw new ArgumentOutOfRangeException(nameof(metric)),
    };

    public static IEnumerable<RawColumn> In(RawColumn set) => All.Where(c => (set & c) != 0);

    public static string Name(RawColumn column) => column switch
    {
        RawColumn.Visitors => "visitors",
        RawColumn.Pageviews => "pageviews",
        RawColumn.Events => "events",
        RawColumn.EngagedMilliseconds => "engaged_ms",
        RawColumn.PageVisits => "page_visits",
        RawColumn.Visits => "visits",
        RawColumn.Bounces => "bounces",
        RawColumn.DurationSum => "duration_sum",
        RawColumn.SessionPageviews => "session_pageviews",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };
}
