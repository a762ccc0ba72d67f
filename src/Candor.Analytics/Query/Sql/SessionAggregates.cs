namespace Candor.Analytics.Query.Sql;

/// <summary>
/// How a session is summarised from its events, in one place for the on-the-fly sessions of a query and the
/// cached sessions of closed days (<see cref="SessionDayCache"/>), so both count alike. Aggregates read the columns
/// of <c>event_rows</c> directly (label-coded ones as ids, see <see cref="Labels"/>) and are grouped by <c>session_id</c>.
/// </summary>
internal static class SessionAggregates
{
    private const string NotEngagement = Labels.NotEngagement;
    private const string IsPageview = Labels.IsPageview;

    /// <summary>The session values a <c>visit:</c> dimension can ask for, by the dimension's name after <c>visit:</c>.</summary>
    public static readonly string[] VisitValues =
    [
        "entry_page", "exit_page", "source", "referrer", "channel", "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term",
        "country", "browser", "browser_version", "os", "os_version", "device",
    ];

    /// <summary>The column <c>s_*</c>/<c>v_*</c> a session value is called.</summary>
    public static string Alias(string visitValue) => "v_" + visitValue;

    /// <summary>The event column a session value is taken from.</summary>
    public static string EventColumn(string visitValue) => visitValue is "entry_page" or "exit_page" ? "pathname" : visitValue;

    /// <summary>The event columns <see cref="Stats"/> read.</summary>
    public static readonly string[] StatsColumns = ["timestamp", "name", "visitor_id", "interactive"];

    /// <summary>
    /// visitor, start, pageviews, events (not engagement), bounce (at most one pageview and no interactive custom
    /// event; engagement never counts) and duration (first to last non-engagement event, seconds).
    /// </summary>
    public static IReadOnlyList<(string Alias, string Sql)> Stats(ISqlDialect d)
    {
        var pageviews = d.Aggregate(AggregateFunction.Count, IsPageview);
        var interactiveCustom = d.Aggregate(AggregateFunction.Count, $"interactive AND name NOT IN ({Labels.Pageview}, {Labels.Engagement})");
        var first = d.Aggregate(AggregateFunction.Min, NotEngagement, "timestamp");
        var last = d.Aggregate(AggregateFunction.Max, NotEngagement, "timestamp");
        return
        [
            ("s_visitor", d.Aggregate(AggregateFunction.Any, null, "visitor_id")),
            ("s_start", d.Aggregate(AggregateFunction.Min, null, "timestamp")),
            ("s_pageviews", pageviews),
            ("s_events", d.Aggregate(AggregateFunction.Count, NotEngagement)),
            ("s_bounce", $"CASE WHEN {pageviews} <= 1 AND {interactiveCustom} = 0 THEN 1 ELSE 0 END"),
            ("s_duration", $"coalesce({d.SecondsBetween(first, last)}, 0)"),
        ];
    }

    /// <summary>A session value: the first event's (entry page: the first pageview's path; exit page: the last one's).</summary>
    public static string Visit(ISqlDialect d, string visitValue) => visitValue switch
    {
        "entry_page" => d.Aggregate(AggregateFunction.ArgMin, IsPageview, "pathname", "timestamp"),
        "exit_page" => d.Aggregate(AggregateFunction.ArgMax, IsPageview, "pathname", "timestamp"),
        _ => d.Aggregate(AggregateFunction.ArgMin, null, visitValue, "timestamp"),
    };
}
