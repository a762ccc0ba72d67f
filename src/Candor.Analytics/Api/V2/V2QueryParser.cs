using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Candor.Analytics.Query;

namespace Candor.Analytics.Api.V2;

/// <summary>
/// Reads and checks a Stats API v2 query body the way Plausible does — its JSON schema first (errors like
/// <c>#/metrics/1: Invalid metric "baa"</c>), then its rules on combinations — and builds the engine's
/// <see cref="StatsQuery"/>. Every failure is a message; nothing a client sends makes it throw.
/// <para>
/// The engine combines filters with AND only, so <c>and</c> is flattened, <c>not</c> flips an operator (through
/// <c>and</c>/<c>or</c> by De Morgan), and <c>or</c> is accepted where it means "any of these values": alternatives
/// on one dimension with the same positive operator. Other <c>or</c> trees get a clear 400.
/// </para>
/// </summary>
public static class V2QueryParser
{
    public const int MaxLimit = 10_000;
    private static readonly string[] Properties = ["site_id", "metrics", "date_range", "dimensions", "filters", "order_by", "include", "pagination"];
    private static readonly string[] Required = ["site_id", "metrics", "date_range"];
    private static readonly string[] RangeNames = ["day", "7d", "28d", "30d", "91d", "month", "6mo", "12mo", "year", "all"];
    private static readonly string[] IncludeFlags = ["imports", "time_labels", "total_rows"];
    private static readonly string[] SessionMetrics = ["visits", "bounce_rate", "visit_duration", "views_per_visit"];

    /// <summary><paramref name="firstEvent"/>: where <c>all</c> starts (the site's first event; null: today).</summary>
    public static (V2Query? Query, string? Error) Parse(JsonElement root, string site, DateTime now, IReadOnlyList<Goal> goals, DateTime? firstEvent = null)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, $"#: Type mismatch. Expected Object but got {ElixirInspect.TypeName(root)}.");
        foreach (var property in root.EnumerateObject())
            if (!Properties.Contains(property.Name)) return (null, $"#/{property.Name}: Schema does not allow additional properties.");
        var missing = Required.Where(r => !root.TryGetProperty(r, out _)).ToList();
        if (missing.Count == 1) return (null, $"#: Required property {missing[0]} was not present.");
        if (missing.Count > 1) return (null, $"#: Required properties {string.Join(", ", missing)} were not present.");
        if (root.GetProperty("site_id").ValueKind != JsonValueKind.String) return (null, Mismatch("#/site_id", "String", root.GetProperty("site_id")));

        var (metrics, metricNames, metricError) = ParseMetrics(root.GetProperty("metrics"));
        if (metricError is not null) return (null, metricError);
        var (period, rangeError) = ParseDateRange(root.GetProperty("date_range"), now, firstEvent);
        if (period is null) return (null, rangeError);
        var (dimensions, dimensionError) = ParseDimensions(root);
        if (dimensionError is not null) return (null, dimensionError);
        var (filters, filterError) = ParseFilters(root);
        if (filterError is not null) return (null, filterError);
        var (orderBy, orderError) = ParseOrderBy(root, metricNames, dimensions);
        if (orderError is not null) return (null, orderError);
        var (include, includeError) = ParseInclude(root);
        if (includeError is not null) return (null, includeError);
        var (limit, offset, pageError) = ParsePagination(root);
        if (pageError is not null) return (null, pageError);

        if (include.Contains("time_labels") && !dimensions.Any(d => d.IsTime)) return (null, "Invalid include.time_labels: requires a time dimension.");
        if (ValidateMetrics(metricNames, dimensions, filters) is { } combinationError) return (null, combinationError);
        if (UnconfiguredGoal(filters, goals) is { } goalError) return (null, goalError);

        return (new V2Query
        {
            Query = new StatsQuery
            {
                Site = site, Range = period.Range, Metrics = metrics, Dimensions = dimensions, Filters = filters, OrderBy = orderBy,
                Interval = period.DefaultInterval, ZeroFillTime = false, Limit = limit, Offset = offset, Goals = goals,
            },
            IncludeTimeLabels = include.Contains("time_labels"),
            IncludeTotalRows = include.Contains("total_rows"),
            IncludeImports = include.Contains("imports"),
            Filters = root.TryGetProperty("filters", out var f) ? f.Clone() : null,
            OrderBy = root.TryGetProperty("order_by", out var o) ? o.Clone() : null,
        }, null);
    }

    private static string Mismatch(string path, string expected, JsonElement value) => $"{path}: Type mismatch. Expected {expected} but got {ElixirInspect.TypeName(value)}.";

    private static (List<Metric>, List<string>, string?) ParseMetrics(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array) return ([], [], Mismatch("#/metrics", "Array", value));
        if (value.GetArrayLength() == 0) return ([], [], "#/metrics: Expected a minimum of 1 items but got 0.");
        var metrics = new List<Metric>();
        var names = new List<string>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !Metrics.TryParse(item.GetString()!, out var metric))
                return ([], [], $"#/metrics/{i}: Invalid metric {ElixirInspect.Of(item)}");
            metrics.Add(metric);
            names.Add(item.GetString()!);
            i++;
        }
        if (names.Distinct().Count() != names.Count) return ([], [], "#/metrics: Expected items to be unique but they were not.");
        return (metrics, names, null);
    }

    private static (ResolvedPeriod?, string?) ParseDateRange(JsonElement value, DateTime now, DateTime? firstEvent)
    {
        var invalid = $"#/date_range: Invalid date range {ElixirInspect.Of(value)}";
        if (value.ValueKind == JsonValueKind.String)
            return RangeNames.Contains(value.GetString()) ? (Period.Resolve(value.GetString()!, (DateOnly?)null, now, firstEvent), null) : (null, invalid);
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 2 || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            return (null, invalid);
        var from = value[0].GetString()!;
        var to = value[1].GetString()!;
        if (ApiDate.Parse(from) is { } fromDate && ApiDate.Parse(to) is { } toDate)
            return fromDate <= toDate ? (Period.Custom(fromDate, toDate), null) : (null, invalid);
        if (ParseTimestamp(from) is { } fromTime && ParseTimestamp(to) is { } toTime && fromTime <= toTime)
        {
            var range = new DateRange(fromTime, toTime.AddSeconds(1));
            return (new ResolvedPeriod("custom", range, range.Length <= TimeSpan.FromDays(1) ? Interval.Hour : Interval.Day, []), null);
        }
        return (null, invalid);
    }

    private static DateTime? ParseTimestamp(string text) =>
        text.Length >= 20 && text[10] == 'T' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) && t.Year is >= 1900 and <= 9000
            ? t.UtcDateTime
            : null;

    private static (List<Dimension>, string?) ParseDimensions(JsonElement root)
    {
        if (!root.TryGetProperty("dimensions", out var value)) return ([], null);
        if (value.ValueKind != JsonValueKind.Array) return ([], Mismatch("#/dimensions", "Array", value));
        var dimensions = new List<Dimension>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !Dimension.TryParse(item.GetString()!, out var dimension))
                return ([], $"#/dimensions/{i}: Invalid dimension {ElixirInspect.Of(item)}");
            dimensions.Add(dimension);
            i++;
        }
        if (dimensions.Select(d => d.Name).Distinct().Count() != dimensions.Count) return ([], "#/dimensions: Expected items to be unique but they were not.");
        return (dimensions, null);
    }

    private static (List<Filter>, string?) ParseFilters(JsonElement root)
    {
        if (!root.TryGetProperty("filters", out var value)) return ([], null);
        if (value.ValueKind != JsonValueKind.Array) return ([], Mismatch("#/filters", "Array", value));
        var filters = new List<Filter>();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var tree = V2FilterTree.Parse(item, depth: 0);
            if (tree is null) return ([], $"#/filters/{i}: Invalid filter {ElixirInspect.Of(item)}");
            if (tree.NestedOnlyTopLevel() is { } nested) return ([], $"Invalid filters. Dimension `{nested}` can only be filtered at the top level.");
            if (tree.InvalidCountry()) return ([], "Invalid visit:country filter, visit:country needs to be a valid 2-letter country code.");
            if (tree.InvalidPattern() is { } pattern) return ([], $"#/filters/{i}: Invalid regular expression {ElixirInspect.String(pattern)}");
            var (flat, error) = tree.Flatten(negate: false);
            if (error is not null) return ([], $"#/filters/{i}: {error}");
            filters.AddRange(flat);
            i++;
        }
        return (filters, null);
    }

    private static (List<(string, bool)>, string?) ParseOrderBy(JsonElement root, List<string> metrics, List<Dimension> dimensions)
    {
        if (!root.TryGetProperty("order_by", out var value)) return ([], null);
        if (value.ValueKind != JsonValueKind.Array) return ([], Mismatch("#/order_by", "Array", value));
        var order = new List<(string, bool)>();
        var i = 0;
        foreach (var entry in value.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() != 2 || entry[0].ValueKind != JsonValueKind.String
                || entry[1].ValueKind != JsonValueKind.String || entry[1].GetString() is not ("asc" or "desc")
                || !(Metrics.TryParse(entry[0].GetString()!, out _) || Dimension.TryParse(entry[0].GetString()!, out _)))
                return ([], $"#/order_by/{i}: Invalid value in order_by {ElixirInspect.Of(entry)}");
            var key = entry[0].GetString()!;
            var descending = entry[1].GetString() == "desc";
            if (!metrics.Contains(key) && dimensions.All(d => d.Name != key))
            {
                var shown = Metrics.TryParse(key, out _) ? ":" + key : ElixirInspect.String(key);
                return ([], $"Invalid order_by entry '{{{shown}, :{entry[1].GetString()}}}'. Entry is not a queried metric or dimension.");
            }
            order.Add((key, descending));
            i++;
        }
        return (order, null);
    }

    private static (HashSet<string>, string?) ParseInclude(JsonElement root)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (!root.TryGetProperty("include", out var value)) return (set, null);
        if (value.ValueKind != JsonValueKind.Object) return (set, Mismatch("#/include", "Object", value));
        foreach (var flag in value.EnumerateObject())
        {
            if (!IncludeFlags.Contains(flag.Name)) return (set, $"#/include/{flag.Name}: Schema does not allow additional properties.");
            if (flag.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return (set, Mismatch($"#/include/{flag.Name}", "Boolean", flag.Value));
            if (flag.Value.ValueKind == JsonValueKind.True) set.Add(flag.Name);
        }
        return (set, null);
    }

    private static (int, int, string?) ParsePagination(JsonElement root)
    {
        if (!root.TryGetProperty("pagination", out var value)) return (MaxLimit, 0, null);
        if (value.ValueKind != JsonValueKind.Object) return (0, 0, Mismatch("#/pagination", "Object", value));
        long limit = MaxLimit, offset = 0;
        foreach (var field in value.EnumerateObject())
        {
            var path = $"#/pagination/{field.Name}";
            if (field.Name is not ("limit" or "offset")) return (0, 0, $"{path}: Schema does not allow additional properties.");
            if (field.Value.ValueKind != JsonValueKind.Number || !field.Value.TryGetInt64(out var number)) return (0, 0, Mismatch(path, "Integer", field.Value));
            var minimum = field.Name == "limit" ? 1 : 0;
            long maximum = field.Name == "limit" ? MaxLimit : int.MaxValue;
            if (number < minimum) return (0, 0, $"{path}: Expected the value to be >= {minimum}");
            if (number > maximum) return (0, 0, $"{path}: Expected the value to be <= {maximum}");
            if (field.Name == "limit") limit = number; else offset = number;
        }
        return ((int)limit, (int)offset, null);
    }

    private static string? ValidateMetrics(List<string> metrics, List<Dimension> dimensions, List<Filter> filters)
    {
        var goal = dimensions.Any(d => d.Name == "event:goal") || filters.Any(f => f.Dimension.Name == "event:goal");
        foreach (var metric in metrics)
        {
            if (metric == "conversion_rate" && !goal) return "Metric `conversion_rate` can only be queried with event:goal filters or dimensions.";
            if (metric == "views_per_visit" && filters.Any(f => f.Dimension.Name == "event:page")) return "Metric `views_per_visit` cannot be queried with a filter on `event:page`.";
            if (metric == "views_per_visit" && dimensions.Count > 0) return "Metric `views_per_visit` cannot be queried with `dimensions`.";
        }
        var session = metrics.Where(SessionMetrics.Contains).ToList();
        if (session.Count > 0 && dimensions.Any(d => d.Name.StartsWith("event:", StringComparison.Ordinal) && d.Name != "event:page"))
            return $"Session metric(s) `{string.Join(", ", session)}` cannot be queried along with event dimensions.";
        return null;
    }

    private static string? UnconfiguredGoal(List<Filter> filters, IReadOnlyList<Goal> goals)
    {
        foreach (var filter in filters.Where(f => f.Dimension.Name == "event:goal" && f.Operator == FilterOperator.Is))
        foreach (var name in filter.Values.Where(n => goals.All(g => g.DisplayName != n)))
            return $"The goal `{name}` is not configured for this site. Find out how to configure goals here: https://plausible.io/docs/stats-api#filtering-by-goals";
        return null;
    }
}
