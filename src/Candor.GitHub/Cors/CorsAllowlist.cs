using Microsoft.AspNetCore.Http;

namespace Candor.GitHub.Cors;

/// <summary>
/// Cross-origin access to the proxy: only the exact origins in <see cref="GitHubStarProxyOptions.AllowedOrigins"/>
/// get CORS headers — the origin echoed back (never <c>*</c>, which browsers refuse with credentials anyway),
/// <c>Access-Control-Allow-Credentials: true</c>, and <c>Vary: Origin</c> so caches keep answers apart. Any
/// other origin gets no CORS header at all, so its scripts cannot read a single byte of an answer.
/// Hand-written rather than ASP.NET Core's CORS middleware because it must apply to this prefix only and the
/// proxy must not depend on how the host orders its middleware.
/// </summary>
public sealed class CorsAllowlist(GitHubStarProxyOptions options)
{
    public const string AllowedMethods = "GET, PUT, DELETE, POST";
    /// <summary>The only request headers a cross-origin script may add (plus the CORS-safelisted ones).</summary>
    private static readonly HashSet<string> AllowedHeaders = new(["if-none-match", "if-modified-since"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> AllowedMethodSet = new(["GET", "PUT", "DELETE", "POST"], StringComparer.Ordinal);
    private readonly HashSet<string> _origins = new(options.AllowedOrigins.Select(o => GitHubStarProxyOptions.CanonicalOrigin(o)!), StringComparer.Ordinal);

    /// <summary>Exact, case-sensitive comparison with what the browser sent (browsers send lower-case origins).</summary>
    public bool IsAllowed(string? origin) => origin is not null && _origins.Contains(origin);

    public static bool IsPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method) && request.Headers.Origin.Count > 0 && request.Headers.AccessControlRequestMethod.Count > 0;

    /// <summary>Adds the CORS headers for an actual (non-preflight) request from an allowed origin.</summary>
    public void Apply(HttpContext context)
    {
        var response = context.Response;
        response.Headers.Append("Vary", "Origin");
        var origin = context.Request.Headers.Origin.ToString();
        if (!IsAllowed(origin)) return;
        response.Headers.AccessControlAllowOrigin = origin;
        response.Headers.AccessControlAllowCredentials = "true";
    }

    /// <summary>
    /// Answers a preflight: 204 with the permissions when the origin, method and headers are all allowed,
    /// otherwise 204 without any CORS header (the browser then blocks the real request).
    /// </summary>
    public void AnswerPreflight(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status204NoContent;
        response.Headers.Append("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        var origin = request.Headers.Origin.ToString();
        var method = request.Headers.AccessControlRequestMethod.ToString();
        var headers = request.Headers.AccessControlRequestHeaders.ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!IsAllowed(origin) || !AllowedMethodSet.Contains(method) || !headers.All(AllowedHeaders.Contains)) return;
        response.Headers.AccessControlAllowOrigin = origin;
        response.Headers.AccessControlAllowCredentials = "true";
        response.Headers.AccessControlAllowMethods = AllowedMethods;
        if (headers.Length > 0) response.Headers.AccessControlAllowHeaders = string.Join(", ", headers);
        response.Headers.AccessControlMaxAge = "600";
    }
}
