using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Candor.Server.Compression;

/// <summary>
/// Brotli or gzip for text (HTML, CSS, JavaScript, JSON, XML, SVG…), chosen by <c>Accept-Encoding</c>.
/// Compression over HTTPS is on: BREACH needs a secret reflected next to attacker-controlled input in
/// one response, and a static site's files contain neither. Range responses are never compressed (the
/// middleware leaves anything with <c>Content-Range</c> alone), so byte offsets stay those of the file.
/// </summary>
public static class TextCompression
{
    public static readonly string[] MimeTypes =
    [
        .. ResponseCompressionDefaults.MimeTypes,
        "image/svg+xml", "application/manifest+json", "application/atom+xml", "application/rss+xml",
        "application/xslt+xml", "text/markdown", "text/calendar",
    ];

    /// <summary>Whether a response of this type (parameters such as <c>charset</c> ignored) is compressed.</summary>
    public static bool IsCompressible(string contentType)
    {
        var semicolon = contentType.IndexOf(';');
        var mediaType = (semicolon < 0 ? contentType.AsSpan() : contentType.AsSpan(0, semicolon)).Trim();
        foreach (var type in MimeTypes)
            if (mediaType.Equals(type, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public static IServiceCollection AddTextCompression(this IServiceCollection services) => services.AddResponseCompression(compression =>
    {
        compression.EnableForHttps = true;
        compression.Providers.Add<BrotliCompressionProvider>();
        compression.Providers.Add<GzipCompressionProvider>();
        compression.MimeTypes = MimeTypes;
    });

    /// <param name="uncompressedPaths">
    /// Paths whose answers are never compressed: the analytics endpoint answers "ok" (2 bytes) to every event, and
    /// browsers send <c>Accept-Encoding</c> with every beacon, so it would otherwise set up a Brotli encoder per event
    /// to make the answer longer.
    /// </param>
    public static IApplicationBuilder UseTextCompression(this IApplicationBuilder app, IReadOnlyCollection<string> uncompressedPaths) =>
        app.UseWhen(context => !PathList.Contains(uncompressedPaths, context.Request.Path), branch => UseTextCompression(branch));

    private static IApplicationBuilder UseTextCompression(IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            // If-None-Match compares weakly (RFC 9110 13.1.2), but the static file middleware only matches the
            // exact form it sent, so W/"x" from a client that got the compressed copy is read as "x".
            var ifNoneMatch = context.Request.Headers.IfNoneMatch;
            if (ifNoneMatch.Count > 0 && ifNoneMatch.ToString().Contains("W/", StringComparison.Ordinal))
                context.Request.Headers.IfNoneMatch = ifNoneMatch.ToString().Replace("W/", "", StringComparison.Ordinal);
            // A strong ETag promises identical bytes; the compressed body is not byte-identical to the file,
            // so it gets the weak form (If-None-Match compares weakly, so 304s keep working).
            context.Response.OnStarting(WeakenCompressedETag, context);
            return next(context);
        });
        return app.UseResponseCompression();
    }

    // Static, with the context as state: a lambda capturing the context was two allocations on every request.
    private static readonly Func<object, Task> WeakenCompressedETag = state =>
    {
        var headers = ((HttpContext)state).Response.Headers;
        if (headers.ContentEncoding.Count > 0 && headers.ETag.ToString() is ['"', ..] etag) headers.ETag = "W/" + etag;
        return Task.CompletedTask;
    };
}
