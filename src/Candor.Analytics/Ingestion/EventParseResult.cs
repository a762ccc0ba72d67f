using System.Text.Json;

namespace Candor.Analytics.Ingestion;

/// <summary>The outcome of parsing a body: an event, or the HTTP status and JSON the client gets back.</summary>
public sealed class EventParseResult
{
    private EventParseResult(EventRequest? request, int status, IReadOnlyDictionary<string, string[]>? errors)
    {
        Request = request;
        StatusCode = status;
        Errors = errors;
    }

    public EventRequest? Request { get; }

    /// <summary>202, 400 or 413.</summary>
    public int StatusCode { get; }

    /// <summary>Field → messages, as in <c>{"errors":{"url":["is required"]}}</c>; null on success.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; }

    public bool IsValid => Request is not null;

    public static EventParseResult Valid(EventRequest request) => new(request, 202, null);

    public static EventParseResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, 400, errors);

    public static EventParseResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static EventParseResult TooLarge() => new(null, 413, new Dictionary<string, string[]> { ["request"] = ["Request body is too large"] });

    /// <summary>The response body for a rejected request, in Plausible's shape.</summary>
    public string ErrorJson() => JsonSerializer.Serialize(new Dictionary<string, object> { ["errors"] = Errors ?? new Dictionary<string, string[]>() }, ErrorJsonOptions);

    // The default encoder writes "can't" as "can\u0027t" (HTML-safe); this body is served as application/json,
    // never inside a page, so the relaxed encoder gives Plausible's exact bytes.
    private static readonly JsonSerializerOptions ErrorJsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
