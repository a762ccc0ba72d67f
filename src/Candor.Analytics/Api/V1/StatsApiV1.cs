using System.Globalization;
using System.Text.Json;
using Candor.Analytics.Query;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Candor.Analytics.Api.V1;

/// <summary>
/// Plausible's Stats API v1: <c>GET /api/v1/stats/realtime/visitors|aggregate|timeseries|breakdown</c>, with its
/// parameters, defaults, response shapes and error texts.
/// </summary>
public static class StatsApiV1
{
    public const int MaxLimit = 1000;
    private const int DefaultLimit = 100;
    private const int MaxBuckets = 10_000;

    /// <summary>The engine's label for visits without a country; Plausible's v1 leaves them out of country breakdowns.</summary>
    private const string UnknownCountry = "(not set)";

    internal static void MapStatsApiV1(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/stats/realtime/visitors", Realtime);
        endpoints.MapGet("/api/v1/stats/aggregate", Aggregate);
        endpoints.MapGet("/api/v1/stats/timeseries", Timeseries);
        endpoints.MapGet("/api/v1/stats/breakdown", Breakdown);
    }

    private static async Task Realtime(HttpContext context)
    {
        if (await StatsApiRequest.AuthorizeAsync(context, context.Request.Query["site_id"]) is not { } api) return;
        var visitors = await api.Queries.CurrentVisitorsAsync(api.Site, context.RequestAborted);
        await ApiJson.WriteAsync(context.Response, json => json.WriteNumberValue(visitors));
    }

    private static async Task Aggregate(HttpContext context)
    {
        if (await StatsApiRequest.AuthorizeAsync(context, context.Request.Query["site_id"]) is not { } api) return;
        var query = context.Request.Query;
        var (period, periodError) = V1Period.Parse(query, api.Now);
        if (period is null) { await ApiError.BadRequest(periodError!).WriteAsync(context.Response); return; }
        var range = period.Range;
        // Plausible ignores `property` here.
        var (filters, metrics, error) = ParseFiltersAndMetrics(api, query, property: null);
        if (error is not null) { await error.WriteAsync(context.Response); return; }
        var compare = query["compare"].ToString();
        if (compare.Length > 0 && compare != "previous_period")
        {
            await ApiError.BadRequest($"Invalid `compare` parameter `{compare}`. The only comparison is `previous_period`.").WriteAsync(context.Response);
            return;
        }

        var statsQuery = new StatsQuery { Site = api.Site, Range = range, Metrics = metrics, Filters = filters, Goals = api.Goals };
        if (await api.QueryAsync(context, statsQuery) is not { } result) return;
        var current = result.Rows.FirstOrDefault();
        ResultRow? previous = null;
        if (compare.Length > 0)
        {
            if (await api.QueryAsync(context, statsQuery with { Range = Change.ComparedRange(range, Comparison.PreviousPeriod)!.Value }) is not { } before) return;
            previous = before.Rows.FirstOrDefault();
        }

        await ApiJson.WriteAsync(context.Response, json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("results");
            for (var i = 0; i < metrics.Count; i++)
            {
                // No row at all means nothing happened: zeros. A null figure (time on page with no visits) stays null.
                var value = current is null ? 0 : current.Metrics[i];
                json.WriteStartObject(metrics[i].Name());
                MetricValues.Write(json, "value", metrics[i], value);
                if (compare.Length > 0)
                {
                    var before = previous is null ? 0 : previous.Metrics[i];
                    MetricValues.Write(json, "comparison_value", metrics[i], before);
                    var change = Change.Of(metrics[i], value, before);
                    json.WritePropertyName("change");
                    if (change is { } c) json.WriteNumberValue(metrics[i] == Metric.ConversionRate ? c : (long)c); else json.WriteNullValue();
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static async Task Timeseries(HttpContext context)
    {
        if (await StatsApiRequest.AuthorizeAsync(context, context.Request.Query["site_id"]) is not { } api) return;
        var query = context.Request.Query;
        var (period, periodError) = V1Period.Parse(query, api.Now);
        if (period is null) { await ApiError.BadRequest(periodError!).WriteAsync(context.Response); return; }
        var range = period.Range;
        var intervalText = query["interval"].ToString();
        Interval interval;
        switch (intervalText)
        {
            case "": interval = period.DefaultInterval; break;
            case "day" or "date": interval = Interval.Day; break;
            case "month": interval = Interval.Month; break;
            default:
                await ApiError.BadRequest($"Error parsing `interval` parameter: invalid interval `{intervalText}`. Valid intervals are `day`, `month`").WriteAsync(context.Response);
                return;
        }
        if (TimeBuckets.Covering(range, interval).Skip(MaxBuckets).Any())
        {
            await ApiError.BadRequest($"The period is too long for interval `{interval.ToString().ToLowerInvariant()}`: at most {MaxBuckets} points. Use a longer interval or a shorter period.").WriteAsync(context.Response);
            return;
        }
        var (filters, metrics, error) = ParseFiltersAndMetrics(api, query, property: null);
        if (error is not null) { await error.WriteAsync(context.Response); return; }

        if (await api.QueryAsync(context, new StatsQuery
            {
                Site = api.Site, Range = range, Metrics = metrics, Filters = filters, Goals = api.Goals,
                Dimensions = [Dimension.Parse("time")], Interval = interval, ZeroFillTime = true, Limit = MaxBuckets,
            }) is not { } result)
            return;

        await ApiJson.WriteAsync(context.Response, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("results");
            foreach (var row in result.Rows)
            {
                json.WriteStartObject();
                json.WriteString("date", row.Dimensions[0]);
                for (var i = 0; i < metrics.Count; i++) MetricValues.Write(json, metrics[i].Name(), metrics[i], row.Metrics[i] ?? 0);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static async Task Breakdown(HttpContext context)
    {
        if (await StatsApiRequest.AuthorizeAsync(context, context.Request.Query["site_id"]) is not { } api) return;
        var query = context.Request.Query;
        var (period, periodError) = V1Period.Parse(query, api.Now);
        if (period is null) { await ApiError.BadRequest(periodError!).WriteAsync(context.Response); return; }
        var range = period.Range;
        var propertyText = query["property"];
        string? propertyError = null;
        Dimension? property = null;
        if (propertyText.Count == 0)
            propertyError = "The `property` parameter is required. Please provide at least one property to show a breakdown by.";
        else if (propertyText.ToString() == "event:hostname")
            propertyError = "Property 'event:hostname' is currently not supported for breakdowns.  Please provide a valid property for the breakdown endpoint: https://plausible.io/docs/stats-api#properties";
        else if (!V1Properties.IsValid(propertyText.ToString()) || !Dimension.TryParse(propertyText.ToString(), out property))
            propertyError = $"Invalid property '{propertyText}'. Please provide a valid property for the breakdown endpoint: https://plausible.io/docs/stats-api#properties";
        if (propertyError is not null) { await ApiError.BadRequest(propertyError).WriteAsync(context.Response); return; }
        var (filters, metrics, error) = ParseFiltersAndMetrics(api, query, property);
        if (error is not null) { await error.WriteAsync(context.Response); return; }
        var limit = DefaultLimit;
        if (query["limit"].Count > 0 && !(int.TryParse(query["limit"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is > 0 and <= MaxLimit))
        {
            await ApiError.BadRequest($"Please provide limit as a number between 1 and {MaxLimit}.").WriteAsync(context.Response);
            return;
        }
        var page = 1;
        if (query["page"].Count > 0 && !(int.TryParse(query["page"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out page) && page > 0))
        {
            await ApiError.BadRequest("Please provide page as a positive number.").WriteAsync(context.Response);
            return;
        }

        var dimensions = V1Properties.BreakdownDimensions(property!);
        // time_on_page cannot order rows, so Plausible sorts such a breakdown by visitors it does not show.
        var queried = metrics.Any(m => m != Metric.TimeOnPage) ? metrics : [.. metrics, Metric.Visitors];
        var orderBy = queried.First(m => m != Metric.TimeOnPage);
        var offset = (long)(page - 1) * limit;
        IReadOnlyList<ResultRow> rows = [];
        if (offset <= int.MaxValue)
        {
            if (await api.QueryAsync(context, new StatsQuery
                {
                    Site = api.Site, Range = range, Metrics = queried, Goals = api.Goals, Dimensions = dimensions,
                    Filters = [.. filters, .. dimensions.Where(d => d.Name == "visit:country").Select(d => new Filter(FilterOperator.IsNot, d, [UnknownCountry]))],
                    OrderBy = [(orderBy.Name(), true), .. dimensions.Select(d => (d.Name, false))],
                    Limit = limit, Offset = (int)offset,
                }) is not { } result)
                return;
            rows = result.Rows;
        }

        await ApiJson.WriteAsync(context.Response, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("results");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                for (var d = 0; d < dimensions.Count; d++) json.WriteString(V1Properties.ShortName(dimensions[d]), row.Dimensions[d]);
                for (var i = 0; i < metrics.Count; i++) MetricValues.Write(json, metrics[i].Name(), metrics[i], row.Metrics[i]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static (IReadOnlyList<Filter> Filters, IReadOnlyList<Metric> Metrics, ApiError? Error) ParseFiltersAndMetrics(
        StatsApiRequest api, IQueryCollection query, Dimension? property)
    {
        var (filters, filterError) = V1FilterExpression.Parse(query["filters"].ToString());
        if (filterError is not null) return ([], [], ApiError.BadRequest(filterError));
        if (api.UnconfiguredGoal(filters) is { } goalError) return ([], [], ApiError.BadRequest(goalError));
        var (metrics, metricError) = V1Metrics.Parse(query["metrics"].ToString(), filters, property);
        return metricError is not null ? ([], [], ApiError.BadRequest(metricError)) : (filters, metrics, null);
    }
}
