using Candor.Server.Snapshot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Candor.Server.Static;

/// <summary>
/// The <see cref="AlternateBody"/> (the ad-free page) on the disk path. The snapshot is only an optimisation: pages
/// over its size cap, <c>Range</c>/<c>If-Match</c> requests and servers whose folder watcher could not start all
/// reach the static file middleware, which would send the page with its ad script to a visitor who opted out.
/// This sits just before it, where the GitHub Pages rules have already turned the request path into the file's
/// path, and for an HTML file with an ad slot sends the stripped copy itself.
/// <para>The stripped copy is answered whole, 200, even for a <c>Range</c> request: byte offsets of a body that
/// exists only per request cannot be honoured reliably, and a full answer is always a correct one. It carries
/// the same <c>-alt</c> ETag as the snapshot's ad-free body, so the two paths revalidate each other's copies.</para>
/// </summary>
internal sealed class AlternateBodyOnDisk(RequestDelegate next, IFileProvider files, AlternateBody alternate)
{
    /// <summary>
    /// Larger HTML is refused (503) rather than read into memory per request — and never sent with its ads. Far
    /// above any real page: the snapshot already holds every page up to 1 MiB.
    /// </summary>
    public const long MaxStrippedBytes = 32 * 1024 * 1024;

    private readonly FileExtensionContentTypeProvider _types = SiteContentTypes.Create();
    private readonly string _vary = HeaderNames.AcceptEncoding + ", " + alternate.Vary;

    public async Task Invoke(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !_types.TryGetContentType(path, out var type) || !type.StartsWith("text/html", StringComparison.Ordinal)
            || files.GetFileInfo(path) is not { Exists: true, IsDirectory: false, PhysicalPath: not null } file)
        {
            await next(context);
            return;
        }
        // Every HTML answer depends on the visitor's choice once ads are on, whichever body this one is, so a
        // shared cache never hands the page with ads to someone who opted out (over-varying a page without a
        // slot only costs a cache hit). The compression middleware sees Accept-Encoding already named.
        context.Response.Headers.Vary = _vary;
        if (!alternate.Wants(request))
        {
            await next(context);
            return;
        }
        if (file.Length > MaxStrippedBytes)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        byte[] body;
        try
        {
            body = await File.ReadAllBytesAsync(file.PhysicalPath, context.RequestAborted);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Vanished or unreadable between the stat and the read: the static file middleware answers as it would.
            await next(context);
            return;
        }
        if (alternate.Make(body) is not { } stripped)
        {
            await next(context); // no ad slot: the file as it is, Range and all
            return;
        }
        await Send(context, file, type, stripped);
    }

    private static Task Send(HttpContext context, IFileInfo file, string type, byte[] body)
    {
        var response = context.Response;
        var lastModified = FileETag.LastModified(file.LastModified.UtcDateTime);
        var etag = FileETag.For(lastModified, file.Length, FileETag.AlternateSuffix);
        response.Headers.ETag = etag;
        response.Headers.LastModified = HeaderUtilities.FormatDate(lastModified);
        response.Headers.CacheControl = CachePolicy.For(file.Name);
        response.Headers.AcceptRanges = "none";
        var status = Preconditions.Evaluate(context.Request.Headers, etag, lastModified);
        if (status != StatusCodes.Status200OK)
        {
            response.StatusCode = status;
            return Task.CompletedTask;
        }
        response.ContentType = type;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}

internal static class AlternateBodyOnDiskExtensions
{
    /// <summary>Before the static file middleware; nothing to do when the site has no second body.</summary>
    public static IApplicationBuilder UseAlternateBodyOnDisk(this IApplicationBuilder app, IFileProvider files, AlternateBody? alternate) =>
        alternate is null ? app : app.Use(next => new AlternateBodyOnDisk(next, files, alternate).Invoke);
}
