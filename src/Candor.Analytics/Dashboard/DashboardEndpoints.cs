using System.Globalization;
using System.Text;
using System.Text.Json;
using Candor.Analytics.Dashboard.Sharing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// The dashboard's URLs: <c>/stats/SITE</c> (public sites, or the owner), <c>/share/SITE?auth=SLUG</c> (share links,
/// with the password form when one is set), each with <c>/export</c> (the CSV zip) and <c>/current-visitors</c> (JSON
/// for the live refresh), and the stylesheet and script under <c>/_candor/</c>. A site that is not configured, not
/// public, or not shared answers exactly like a page that does not exist, so the dashboard never reveals which sites
/// a server counts.
/// </summary>
public static class DashboardEndpoints
{
    private enum Output { Page, Export, CurrentVisitors }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/stats/{site}", (HttpContext c, string site) => StatsAsync(c, site, Output.Page));
        endpoints.MapGet("/stats/{site}/export", (HttpContext c, string site) => StatsAsync(c, site, Output.Export));
        endpoints.MapGet("/stats/{site}" + DashboardPage.CurrentVisitorsSuffix, (HttpContext c, string site) => StatsAsync(c, site, Output.CurrentVisitors));
        endpoints.MapGet("/share/{site}", (HttpContext c, string site) => ShareAsync(c, site, Output.Page));
        endpoints.MapGet("/share/{site}/export", (HttpContext c, string site) => ShareAsync(c, site, Output.Export));
        endpoints.MapGet("/share/{site}" + DashboardPage.CurrentVisitorsSuffix, (HttpContext c, string site) => ShareAsync(c, site, Output.CurrentVisitors));
        endpoints.MapPost("/share/{site}", PasswordAsync).DisableAntiforgery();
        endpoints.MapGet(DashboardAssets.Folder + "{file}", Asset);
        return endpoints;
    }

    private static async Task StatsAsync(HttpContext context, string site, Output output)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<DashboardOptions>();
        var normalised = Endpoint.AnalyticsOptions.NormaliseSite(site);
        if (!options.Sites.Contains(normalised))
        {
            await NotFoundAsync(context);
            return;
        }
        KAnonymity privacy;
        if (await services.GetRequiredService<IDashboardViewer>().IsOwnerAsync(context, normalised)) privacy = KAnonymity.Exact;
        else if (options.PublicSites.Contains(normalised)) privacy = new KAnonymity(options.KThreshold);
        else
        {
            await NotFoundAsync(context);
            return;
        }
        context.Response.Headers.CacheControl = privacy.IsExact ? "private, no-store" : "no-cache";
        await RespondAsync(context, normalised, "/stats/" + normalised, auth: null, privacy, output);
    }

    private static async Task ShareAsync(HttpContext context, string site, Output output)
    {
        var services = context.RequestServices;
        var normalised = Endpoint.AnalyticsOptions.NormaliseSite(site);
        var link = FindLink(context, normalised);
        if (link is null)
        {
            await NotFoundAsync(context);
            return;
        }
        context.Response.Headers.CacheControl = "private, no-store";
        if (link.Password is not null && !services.GetRequiredService<ShareCookie>().Admits(context.Request, link))
        {
            if (output != Output.Page)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("This shared dashboard needs its password: open the link and enter it first.");
                return;
            }
            await PasswordFormAsync(context, link, StatusCodes.Status200OK, error: null);
            return;
        }
        var privacy = new KAnonymity(services.GetRequiredService<DashboardOptions>().KThreshold);
        await RespondAsync(context, normalised, "/share/" + normalised, link.Slug, privacy, output);
    }

    private static async Task PasswordAsync(HttpContext context, string site)
    {
        var services = context.RequestServices;
        var link = FindLink(context, Endpoint.AnalyticsOptions.NormaliseSite(site));
        context.Response.Headers.CacheControl = "no-store";
        if (link is null)
        {
            await NotFoundAsync(context);
            return;
        }
        if (link.Password is null)
        {
            context.Response.Redirect(link.Path, permanent: false);
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            return;
        }
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (services.GetRequiredService<PasswordAttempts>().Try(link.Slug, client) is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await PasswordFormAsync(context, link, StatusCodes.Status429TooManyRequests, "Too many tries. Wait a minute, then try again.");
            return;
        }
        var password = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(context.RequestAborted))["password"].ToString() : "";
        if (password.Length == 0 || password.Length > 1024 || !link.Password.Verify(password))
        {
            await PasswordFormAsync(context, link, StatusCodes.Status403Forbidden, "That password is not right.");
            return;
        }
        services.GetRequiredService<ShareCookie>().Issue(context.Response, link, context.Request.IsHttps);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = link.Path;
    }

    private static ShareLink? FindLink(HttpContext context, string site)
    {
        var options = context.RequestServices.GetRequiredService<DashboardOptions>();
        if (!options.Sites.Contains(site)) return null;
        return context.RequestServices.GetRequiredService<ShareLinkStore>().Find(site, context.Request.Query["auth"].ToString());
    }

    private static async Task PasswordFormAsync(HttpContext context, ShareLink link, int status, string? error)
    {
        var assets = context.RequestServices.GetRequiredService<DashboardAssets>();
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(PasswordPage.Render(link.Site, link.Path, assets.StylesheetPath, error));
    }

    private static async Task RespondAsync(HttpContext context, string site, string basePath, string? auth, KAnonymity privacy, Output output)
    {
        try
        {
            await RespondWithDataAsync(context, site, basePath, auth, privacy, output);
        }
        catch (Query.StatsQueryException e) when (!context.Response.HasStarted)
        {
            // The URL asked for something the query layer cannot answer: say what, never a 500.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"This statistics view cannot be shown: {e.Message}");
        }
    }

    private static async Task RespondWithDataAsync(HttpContext context, string site, string basePath, string? auth, KAnonymity privacy, Output output)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<DashboardOptions>();
        var state = DashboardState.Parse(context.Request.Query, basePath, auth, onlyIsFilters: !privacy.IsExact);
        var cancel = context.RequestAborted;
        if (output == Output.CurrentVisitors)
        {
            var count = privacy.Count(await services.GetRequiredService<Query.IStatsQueries>().CurrentVisitorsAsync(site, cancel));
            context.Response.ContentType = "application/json";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                text = NumberText.Format(count, Query.Metric.Visitors, privacy),
                visitors = count.Hidden ? null : count.Value,
            }), cancel);
            return;
        }
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var period = await DashboardPeriod.ResolveAsync(state, now, services.GetRequiredService<Query.IStatsQueries>(), site, cancel);
        var request = new DashboardLoader.Request
        {
            Site = site,
            State = state,
            Privacy = privacy,
            Range = period.Range,
            Interval = period.Interval,
            ComparedRange = period.Compared,
            Goals = options.Goals,
            RowsPerPanel = options.RowsPerPanel,
            Full = panel => state.More == panel.Id,
        };
        if (output == Output.Export)
        {
            var (filters, _) = await services.GetRequiredService<DashboardLoader>().AdmittedFiltersAsync(request, cancel);
            context.Response.ContentType = "application/zip";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{site}-{state.Period}.zip\"";
            // The zip is built in memory first: a query failing half way must not leave the client a truncated file.
            using var zip = new MemoryStream();
            await services.GetRequiredService<CsvExport>().WriteAsync(request, filters, zip, cancel);
            zip.Position = 0;
            await zip.CopyToAsync(context.Response.Body, cancel);
            return;
        }
        var data = await services.GetRequiredService<DashboardLoader>().LoadAsync(request, cancel);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            DashboardPage.Render(data, services.GetRequiredService<DashboardAssets>(), options.RowsPerPanel), cancel);
    }

    private static IResult Asset(HttpContext context, string file)
    {
        var assets = context.RequestServices.GetRequiredService<DashboardAssets>();
        var path = DashboardAssets.Folder + file;
        var (content, type) = path == assets.StylesheetPath ? (assets.Stylesheet, "text/css; charset=utf-8")
            : path == assets.ScriptPath ? (assets.Script, "text/javascript; charset=utf-8")
            : (null, "");
        if (content is null) return Results.NotFound();
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Bytes(content, type);
    }

    /// <summary>The site's own 404 page when it has one (what any missing page gets), else a short text.</summary>
    private static async Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/html; charset=utf-8";
        var page = context.RequestServices.GetService<IWebHostEnvironment>()?.WebRootFileProvider.GetFileInfo("404.html");
        if (page is { Exists: true, IsDirectory: false })
        {
            await using var stream = page.CreateReadStream();
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
            return;
        }
        await context.Response.WriteAsync("<!doctype html><title>Not found</title><p>Not found</p>", Encoding.UTF8);
    }
}
