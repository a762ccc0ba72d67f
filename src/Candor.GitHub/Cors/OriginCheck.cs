using Microsoft.AspNetCore.Http;

namespace Candor.GitHub.Cors;

/// <summary>
/// CSRF defence for the calls that change something (<c>POST /logout</c>, <c>PUT</c>/<c>DELETE</c> of a star):
/// browsers always send <c>Origin</c> on such requests, and a page cannot forge it. The request is accepted
/// only when it names the proxy's own origin or one on the allowlist; a missing or foreign Origin gets 403.
/// CORS alone would not be enough: a "simple" cross-site POST reaches the server even though its answer
/// cannot be read, and SameSite=None cookies would ride along.
/// </summary>
public sealed class OriginCheck(CorsAllowlist allowlist)
{
    public bool IsAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin;
        if (origin.Count != 1 || string.IsNullOrEmpty(origin[0])) return false;
        var value = origin[0]!;
        if (allowlist.IsAllowed(value)) return true;
        // Same origin: what this request was addressed to (scheme as seen after any trusted proxy).
        return string.Equals(value, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
    }
}
