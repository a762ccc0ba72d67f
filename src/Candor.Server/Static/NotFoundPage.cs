using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Candor.Server.Static;

/// <summary>The end of the pipeline: the site's own <c>404.html</c> (if it has one) with status 404.</summary>
internal sealed class NotFoundPage(IFileProvider files)
{
    public async Task Send(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        // A page that appears later (the site is rebuilt while serving) must not stay hidden behind a cached 404.
        context.Response.Headers.CacheControl = "no-cache";
        var page = files.GetFileInfo("404.html");
        if (!page.Exists) return;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = page.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await context.Response.SendFileAsync(page);
    }
}
