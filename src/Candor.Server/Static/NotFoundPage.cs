using Candor.Server.Snapshot;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Candor.Server.Static;

/// <summary>
/// The end of the pipeline: the site's own <c>404.html</c> (if it has one) with status 404. Its layout may hold an
/// ad slot like any page, so with an <see cref="AlternateBody"/> a visitor who opted out gets it stripped.
/// </summary>
internal sealed class NotFoundPage(IFileProvider files, AlternateBody? alternate = null)
{
    public async Task Send(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        // A page that appears later (the site is rebuilt while serving) must not stay hidden behind a cached 404.
        context.Response.Headers.CacheControl = "no-cache";
        var page = files.GetFileInfo("404.html");
        if (!page.Exists) return;
        context.Response.ContentType = "text/html; charset=utf-8";
        if (alternate is not null)
        {
            context.Response.Headers.Vary = HeaderNames.AcceptEncoding + ", " + alternate.Vary;
            if (alternate.Wants(context.Request) && page.PhysicalPath is not null && page.Length <= AlternateBodyOnDisk.MaxStrippedBytes
                && alternate.Make(await File.ReadAllBytesAsync(page.PhysicalPath, context.RequestAborted)) is { } stripped)
            {
                context.Response.ContentLength = stripped.Length;
                if (!HttpMethods.IsHead(context.Request.Method)) await context.Response.Body.WriteAsync(stripped, context.RequestAborted);
                return;
            }
        }
        context.Response.ContentLength = page.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await context.Response.SendFileAsync(page);
    }
}
