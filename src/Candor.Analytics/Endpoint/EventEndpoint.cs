using Candor.Analytics.Classification;
using System.Globalization;
using System.Net;
using Candor.Analytics.Ingestion;
using Candor.Analytics.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Analytics.Endpoint;

/// <summary>
/// <c>POST /api/event</c>, Plausible's ingestion endpoint: read (size-limited) → parse → drop GPC and unknown
/// sites → identify (<see cref="EventRecorder"/>, the only code that sees the IP and user agent) → buffer → 202.
/// Nothing here logs or echoes the IP or user agent: error bodies come from the parser and name fields only.
/// </summary>
public static class EventEndpoint
{
    public const string Path = "/api/event";
    public const string DroppedHeader = "x-plausible-dropped";

    private static readonly string[] AcceptedTypes = ["text/plain", "application/json"];

    internal static IEndpointConventionBuilder MapEvent(this IEndpointRouteBuilder endpoints)
    {
        // The official tracker may post from another origin (a site embedding Candor's endpoint with data-api).
        // text/plain needs no preflight; application/json does, so OPTIONS answers it. No credentials are ever
        // involved, so `*` discloses nothing: the response is "ok" or a validation message.
        endpoints.MapMethods(Path, [HttpMethods.Options], (HttpContext context) =>
        {
            AllowCrossOrigin(context.Response);
            context.Response.Headers.AccessControlAllowMethods = "POST";
            context.Response.Headers.AccessControlAllowHeaders = "Content-Type";
            context.Response.Headers.AccessControlMaxAge = "86400";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        // The parts are singletons: resolved once here rather than looked up in the container on every event.
        var services = endpoints.ServiceProvider;
        var parts = new Parts(
            services.GetRequiredService<AnalyticsOptions>(),
            services.GetRequiredService<IngestionCounters>(),
            services.GetRequiredService<EventRecorder>(),
            services.GetRequiredService<EventBuffer>());
        return endpoints.MapPost(Path, (HttpContext context) => HandleAsync(context, parts));
    }

    private sealed record Parts(AnalyticsOptions Options, IngestionCounters Counters, EventRecorder Recorder, EventBuffer Buffer);

    private static async Task HandleAsync(HttpContext context, Parts parts)
    {
        var (options, counters, recorder, buffer) = parts;
        var response = context.Response;
        AllowCrossOrigin(response);
        response.Headers.CacheControl = "no-store";

        // Sec-GPC first: an opted-out visitor's body is not even read.
        if (options.HonourGlobalPrivacyControl && context.Request.Headers["Sec-GPC"].ToString().Trim() == "1")
        {
            counters.AddGlobalPrivacyControl();
            await Accepted(response, dropped: 1);
            return;
        }
        if (!IsAcceptedType(context.Request.ContentType))
        {
            await Error(response, EventParseResult.Invalid("request", "Content-Type must be text/plain or application/json"), StatusCodes.Status415UnsupportedMediaType);
            return;
        }
        EventParseResult parsed;
        using (var body = await RequestBody.ReadAsync(context.Request, options.MaxBodyBytes, context.RequestAborted))
            parsed = body is null ? EventParseResult.TooLarge() : EventRequestParser.Parse(body.Bytes, options.MaxBodyBytes);
        if (parsed.Request is not { } request)
        {
            await Error(response, parsed, parsed.StatusCode);
            return;
        }

        var ip = ClientAddress(context.Connection.RemoteIpAddress);
        var userAgent = context.Request.Headers.UserAgent.ToString();
        var outcome = recorder.Process(request, options.Sites, ip, userAgent);
        var events = outcome.Events;
        if (outcome.Dropped is not (null or DropReason.UnknownSite))
        {
            counters.AddClassified(request.Domains.Count);
            await Accepted(response, dropped: request.Domains.Count);
            return;
        }
        for (var i = 0; i < events.Count; i++)
        {
            if (buffer.TryAdd(events[i])) continue;
            // Full (or stopping). For a multi-domain event the sites already queued keep theirs; a client retry
            // may then count those twice, which is better than answering 202 for an event that was not kept.
            counters.AddAccepted(i);
            counters.AddRefused(events.Count - i);
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(options.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("busy");
            return;
        }
        counters.AddAccepted(events.Count);
        var droppedCount = request.Domains.Count - events.Count;
        counters.AddUnknownSite(droppedCount);
        await Accepted(response, droppedCount);
    }

    private static bool IsAcceptedType(string? contentType)
    {
        // Some clients (curl -d, old beacons) omit it; the body is parsed as JSON either way.
        if (string.IsNullOrEmpty(contentType)) return true;
        var semicolon = contentType.IndexOf(';');
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        foreach (var type in AcceptedTypes)
            if (mediaType.Equals(type, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>IPv4 clients reaching a dual-stack socket appear as <c>::ffff:a.b.c.d</c>; one visitor must hash the same either way.</summary>
    private static string ClientAddress(IPAddress? address) => address is null ? ""
        : address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString()
        : address.ToString();

    private static void AllowCrossOrigin(HttpResponse response) => response.Headers.AccessControlAllowOrigin = "*";

    private static ReadOnlyMemory<byte> Ok { get; } = "ok"u8.ToArray();

    private static ValueTask Accepted(HttpResponse response, int dropped)
    {
        response.StatusCode = StatusCodes.Status202Accepted;
        if (dropped > 0) response.Headers[DroppedHeader] = dropped.ToString(CultureInfo.InvariantCulture);
        response.ContentType = "text/plain; charset=utf-8";
        // A known length spares chunked framing, and the bytes are encoded once, not per event.
        response.ContentLength = Ok.Length;
        return response.Body.WriteAsync(Ok);
    }

    private static Task Error(HttpResponse response, EventParseResult result, int status)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(result.ErrorJson());
    }
}
