using Candor.Analytics.Query;

namespace Candor.Analytics.Api.V1;

/// <summary>
/// The v1 <c>metrics</c> parameter (comma-separated, default <c>visitors</c>) and Plausible's rules on which metric
/// goes with which filter or breakdown, with its error texts. Session metrics (visits, bounce rate, visit duration,
/// views per visit) describe whole visits, so they make no sense for a single event's name, goal or property.
/// </summary>
public static class V1Metrics
{
    private static readonly string[] Known = ["visitors", "visits", "pageviews", "views_per_visit", "bounce_rate", "visit_duration", "events", "conversion_rate", "time_on_page"];

    public static (IReadOnlyList<Metric> Metrics, string? Error) Parse(string? parameter, IReadOnlyList<Filter> filters, Dimension? property)
    {
        var names = (string.IsNullOrEmpty(parameter) ? "visitors" : parameter).Split(',');
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length) return ([], "Metrics cannot be queried multiple times.");
        var metrics = new List<Metric>();
        foreach (var name in names)
        {
            if (!Known.Contains(name) || !Query.Metrics.TryParse(name, out var metric))
                return ([], $"The metric `{name}` is not recognized. Find valid metrics from the documentation: https://plausible.io/docs/stats-api#metrics");
            if (Validate(name, filters, property) is { } error) return ([], error);
            metrics.Add(metric);
        }
        return (metrics, null);
    }

    private static string? Validate(string metric, IReadOnlyList<Filter> filters, Dimension? property)
    {
        bool FilteringOn(string dimension) => filters.Any(f => f.Dimension.Name == dimension);
        switch (metric)
        {
            case "time_on_page":
                if (FilteringOn("event:goal")) return $"Metric `{metric}` cannot be queried when filtering by `event:goal`";
                if (FilteringOn("event:name")) return $"Metric `{metric}` cannot be queried when filtering by `event:name`";
                if (property?.Name == "event:page") return null;
                if (property is not null) return $"Metric `{metric}` is not supported in breakdown queries (except `event:page` breakdown)";
                return FilteringOn("event:page") ? null : $"Metric `{metric}` can only be queried in a page breakdown or with a page filter.";
            case "conversion_rate":
                return property?.Name == "event:goal" || FilteringOn("event:goal") ? null
                    : $"Metric `{metric}` can only be queried in a goal breakdown or with a goal filter";
            case "views_per_visit":
                if (FilteringOn("event:page")) return $"Metric `{metric}` cannot be queried with a filter on `event:page`.";
                if (property is not null) return $"Metric `{metric}` is not supported in breakdown queries.";
                return SessionMetric(metric, filters, property);
            case "visits" or "bounce_rate" or "visit_duration":
                return SessionMetric(metric, filters, property);
            default:
                return null;
        }
    }

    private static string? SessionMetric(string metric, IReadOnlyList<Filter> filters, Dimension? property)
    {
        if (property is not null && EventOnly(property)) return $"Session metric `{metric}` cannot be queried for breakdown by `{property.Name}`.";
        if (filters.FirstOrDefault(f => EventOnly(f.Dimension)) is { } filter)
            return $"Session metric `{metric}` cannot be queried when using a filter on `{filter.Dimension.Name}`.";
        return null;
    }

    private static bool EventOnly(Dimension dimension) => dimension.Name is "event:name" or "event:goal" || dimension.PropKey is not null;
}
