using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Analytics.Tracker;

/// <summary>
/// Serves the tracker at <c>/js/script.js</c> and Plausible's variant names (<see cref="TrackerVariant"/>); other
/// files under <c>/js/</c> are not matched (a route constraint), so the site's own scripts still serve from disk.
/// </summary>
public static class TrackerEndpoint
{
    public const string Folder = "/js/";

    /// <summary>
    /// The script's URL never changes, so it cannot be cached for long: a fixed tracker would otherwise reach
    /// visitors days late. Ten minutes (GitHub Pages' default), then a revalidation that the ETag makes a 304.
    /// </summary>
    public const string CacheControl = "public, max-age=600";

    internal static IEndpointConventionBuilder MapTracker(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(Folder + "{file:" + TrackerFileConstraint.Name + "}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context) =>
        {
            var variant = TrackerVariant.Parse((string)context.Request.RouteValues["file"]!)!;
            var script = context.RequestServices.GetRequiredService<TrackerScripts>().Get(variant);
            var response = context.Response;
            response.Headers.CacheControl = CacheControl;
            response.Headers.ETag = script.ETag;
            if (context.Request.Headers.IfNoneMatch.ToString().Contains(script.ETag, StringComparison.Ordinal))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
            // The server's compression middleware gzips or brotlis it on the way out.
            response.ContentType = "text/javascript; charset=utf-8";
            response.ContentLength = script.Body.Length;
            return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(script.Body).AsTask();
        });
}
