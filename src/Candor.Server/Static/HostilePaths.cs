using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Candor.Server.Static;

/// <summary>
/// Answers 400 to request paths no honest browser sends, before anything looks at the disk: dot
/// segments (<c>..</c>, also encoded as <c>%2e%2e</c> or hidden behind <c>%2f</c>), backslashes, NUL
/// and other control characters, double-encoded separators, and paths over <see cref="MaxLength"/>
/// bytes. Kestrel already resolves dot segments and the file provider refuses to climb above the
/// root; this is the third, explicit line, and it makes probes visible as 400s.
/// </summary>
public static class HostilePaths
{
    public const int MaxLength = 2048;

    // The (context, RequestDelegate) form: the (context, Func<Task>) one allocates a closure for `next` on every request.
    public static IApplicationBuilder UseHostilePathFilter(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!IsHostile(context.Features.Get<IHttpRequestFeature>()?.RawTarget, context.Request.Path.Value)) return next(context);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return Task.CompletedTask;
    });

    /// <param name="rawTarget">The request target exactly as sent (path and query, still percent-encoded).</param>
    /// <param name="path">The path after Kestrel's decoding and normalisation.</param>
    public static bool IsHostile(string? rawTarget, string? path)
    {
        var raw = rawTarget ?? "";
        if (raw.Length > MaxLength || (path?.Length ?? 0) > MaxLength) return true;
        var query = raw.IndexOf('?');
        var rawPath = query >= 0 ? raw[..query] : raw;
        string decoded;
        try
        {
            if (rawPath.Contains("://", StringComparison.Ordinal)) rawPath = new Uri(rawPath).AbsolutePath; // absolute-form target
            decoded = Uri.UnescapeDataString(rawPath);
        }
        catch (UriFormatException)
        {
            return true;
        }
        foreach (var text in (ReadOnlySpan<string?>)[decoded, path])
        {
            if (text is null) continue;
            foreach (var c in text)
                if (c == '\\' || char.IsControl(c)) return true;
            // Span segments: this runs on every request, and string.Split allocated an array and a string per segment.
            foreach (var range in text.AsSpan().Split('/'))
                if (text.AsSpan(range) is ".." or ".") return true;
        }
        // Still encoded after one decoding: someone is hoping a second decoder further along will help.
        foreach (var sneaky in (ReadOnlySpan<string>)["%2e", "%2f", "%5c", "%00"])
            if (decoded.Contains(sneaky, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
