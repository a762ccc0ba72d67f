using System.Globalization;
using System.Text.Json;
using Candor.Analytics.Endpoint;
using Candor.Analytics.Query;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Candor.Analytics.Api.V2;

/// <summary>
/// Plausible's Stats API v2, <c>POST /api/v2/query</c>: <c>{"results":[{"dimensions":[…],"metrics":[…]}],
/// "meta":{…},"query":{…}}</c>, or 400 <c>{"error":"…"}</c> with Plausible's texts.
/// </summary>
public static class StatsApiV2
{
    /// <summary>A query is a few hundred bytes; this leaves room for long filter lists and nothing more.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    internal static void MapStatsApiV2(this IEndpointRouteBuilder endpoints) => endpoints.MapPost("/api/v2/query", Query);

    private static async Task Query(HttpContext context)
    {
        if (await StatsApiRequest.AuthenticateAsync(context) is not { } key) return;
        using var body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await new ApiError(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {MaxBodyBytes} bytes.").WriteAsync(context.Response);
            return;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Bytes.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            await ApiError.BadRequest("Unable to parse request body as json").WriteAsync(context.Response);
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            var siteId = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("site_id", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (await StatsApiRequest.ForSiteAsync(context, key, siteId) is not { } api) return;
            // "all" starts at the site's first event, which only the store knows.
            var all = root.TryGetProperty("date_range", out var range) && range.ValueKind == JsonValueKind.String && range.GetString() == "all";
            var firstEvent = all ? await api.Queries.FirstEventAsync(api.Site, context.RequestAborted) : null;
            var (query, error) = V2QueryParser.Parse(root, api.Site, api.Now, api.Goals, firstEvent);
            if (query is null)
            {
                await ApiError.BadRequest(error!).WriteAsync(context.Response);
                return;
            }
            if (await api.QueryAsync(context, query.Query) is not { } result) return;
            await ApiJson.WriteAsync(context.Response, json => Write(json, query, result, siteId!));
        }
    }

    private static void Write(Utf8JsonWriter json, V2Query v2, QueryResult result, string siteId)
    {
        var query = v2.Query;
        json.WriteStartObject();
        json.WriteStartArray("results");
        foreach (var row in result.Rows)
        {
            json.WriteStartObject();
            json.WriteStartArray("dimensions");
            foreach (var value in row.Dimensions) json.WriteStringValue(value);
            json.WriteEndArray();
            json.WriteStartArray("metrics");
            for (var m = 0; m < query.Metrics.Count; m++) MetricValues.Write(json, query.Metrics[m], row.Metrics[m]);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("meta");
        if (v2.IncludeImports) json.WriteBoolean("imports_included", false);
        if (v2.IncludeTimeLabels) WriteTimeLabels(json, v2);
        if (v2.IncludeTotalRows) json.WriteNumber("total_rows", result.TotalRows);
        json.WriteEndObject();

        json.WriteStartObject("query");
        json.WriteString("site_id", siteId);
        json.WriteStartArray("metrics");
        foreach (var metric in query.Metrics) json.WriteStringValue(metric.Name());
        json.WriteEndArray();
        json.WriteStartArray("date_range");
        json.WriteStringValue(query.Range.From.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteStringValue(query.Range.To.AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteEndArray();
        json.WriteStartArray("dimensions");
        foreach (var dimension in query.Dimensions) json.WriteStringValue(dimension.Name);
        json.WriteEndArray();
        json.WritePropertyName("filters");
        if (v2.Filters is { } filters) filters.WriteTo(json); else { json.WriteStartArray(); json.WriteEndArray(); }
        if (v2.OrderBy is { } orderBy)
        {
            json.WritePropertyName("order_by");
            orderBy.WriteTo(json);
        }
        json.WriteStartObject("include");
        json.WriteBoolean("imports", v2.IncludeImports);
        json.WriteBoolean("time_labels", v2.IncludeTimeLabels);
        json.WriteBoolean("total_rows", v2.IncludeTotalRows);
        json.WriteEndObject();
        json.WriteStartObject("pagination");
        json.WriteNumber("limit", query.Limit);
        json.WriteNumber("offset", query.Offset);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Every bucket of the time dimension in the range, data or not.</summary>
    private static void WriteTimeLabels(Utf8JsonWriter json, V2Query v2)
    {
        var query = v2.Query;
        var index = query.Dimensions.ToList().FindIndex(d => d.IsTime);
        var interval = TimeBuckets.IntervalOf(query.Dimensions[index], query.Interval);
        var range = v2.Query.Range;
        json.WriteStartArray("time_labels");
        foreach (var bucket in TimeBuckets.Covering(range, interval).Take(100_000)) json.WriteStringValue(TimeBuckets.Format(bucket, interval));
        json.WriteEndArray();
    }
}
