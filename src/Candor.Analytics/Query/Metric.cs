namespace Candor.Analytics.Query;

/// <summary>
/// The metrics of the reference's §3, named as Plausible's Stats API names them (<see cref="Metrics.Name"/>).
/// Definitions: visitors = distinct visitor ids; visits = sessions; pageviews = events named <c>pageview</c>;
/// events = events other than engagement; views_per_visit = pageviews / visits (2 decimals); bounce_rate =
/// bounced sessions / sessions × 100 (integer); visit_duration = mean session duration in whole seconds;
/// conversion_rate = goal visitors / all visitors × 100 (1 decimal); percentage = visitors / total visitors
/// × 100 (1 decimal, breakdowns only); time_on_page = engaged time / visits on that page (seconds).
/// </summary>
public enum Metric
{
    Visitors,
    Visits,
    Pageviews,
    ViewsPerVisit,
    BounceRate,
    VisitDuration,
    Events,
    ConversionRate,
    Percentage,
    TimeOnPage,
}

public static class Metrics
{
    private static readonly (Metric Metric, string Name)[] Names =
    [
        (Metric.Visitors, "visitors"), (Metric.Visits, "visits"), (Metric.Pageviews, "pageviews"),
        (Metric.ViewsPerVisit, "views_per_visit"), (Metric.BounceRate, "bounce_rate"),
        (Metric.VisitDuration, "visit_duration"), (Metric.Events, "events"),
        (Metric.ConversionRate, "conversion_rate"), (Metric.Percentage, "percentage"),
        (Metric.TimeOnPage, "time_on_page"),
    ];

    /// <summary>The API name (<c>bounce_rate</c>).</summary>
    public static string Name(this Metric metric) => Names.First(n => n.Metric == metric).Name;

    /// <summary>The metric an API name stands for; false for an unknown name (the caller words the error).</summary>
    public static bool TryParse(string name, out Metric metric)
    {
        foreach (var (m, n) in Names)
        {
            if (n == name) { metric = m; return true; }
        }
        metric = default;
        return false;
    }
}
