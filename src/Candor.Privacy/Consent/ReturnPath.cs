using Microsoft.AspNetCore.Http;

namespace Candor.Privacy.Consent;

/// <summary>
/// Where the opt-out and opt-in links send the visitor back to: a path on this site, never another site (an
/// open redirect would let anyone use the site's name to forward visitors elsewhere).
/// </summary>
public static class ReturnPath
{
    /// <summary><c>?return=</c> if it is a local path, else a same-origin Referer's path, else <c>/</c>.</summary>
    public static string For(HttpRequest request)
    {
        if (request.Query["return"] is { Count: 1 } given && IsLocal(given.ToString())) return given.ToString();
        if (Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            && string.Equals(referer.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            && IsLocal(referer.PathAndQuery))
            return referer.PathAndQuery;
        return "/";
    }

    /// <summary>
    /// A path starting with one <c>/</c>: not <c>//host</c> or <c>/\host</c> (browsers read both as another host),
    /// no scheme, no control characters or spaces, which browsers strip before reading the URL.
    /// </summary>
    public static bool IsLocal(string path) =>
        path.Length is > 0 and <= 2048
        && path[0] == '/'
        && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
        && !path.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c));
}
