using Candor.Analytics.Api.Keys;
using Candor.Analytics.Endpoint;
using Candor.Analytics.Query;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Analytics.Api;

/// <summary>An authorized Stats API request: the one site it may read and what answering it needs.</summary>
internal sealed class StatsApiRequest
{
    private readonly IServiceProvider _services;

    private StatsApiRequest(string site, IServiceProvider services, DateTime now, IReadOnlyList<Goal> goals)
    {
        Site = site;
        _services = services;
        Now = now;
        Goals = goals;
    }

    public string Site { get; }
    /// <summary>Resolved only once the request is known to be valid: checking parameters needs no database.</summary>
    public IStatsQueries Queries => _services.GetRequiredService<IStatsQueries>();

    /// <summary>Runs the query; a question the engine rejects is the client's mistake, answered 400 (then null).</summary>
    public async Task<QueryResult?> QueryAsync(HttpContext context, StatsQuery query)
    {
        try
        {
            return await Queries.QueryAsync(query, context.RequestAborted);
        }
        catch (StatsQueryException e)
        {
            await ApiError.BadRequest(e.Message).WriteAsync(context.Response);
            return null;
        }
    }
    public DateTime Now { get; }
    public IReadOnlyList<Goal> Goals { get; }

    /// <summary>Checks the bearer key; on failure writes the error and returns null.</summary>
    public static async Task<ApiKey?> AuthenticateAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        var (key, error) = context.RequestServices.GetRequiredService<ApiAuthorization>().Authenticate(context.Request);
        if (error is not null) await error.WriteAsync(context.Response);
        return key;
    }

    /// <summary>Checks that the key may read <paramref name="siteId"/>; on failure writes the error and returns null.</summary>
    public static async Task<StatsApiRequest?> ForSiteAsync(HttpContext context, ApiKey key, string? siteId)
    {
        var services = context.RequestServices;
        var (site, error) = services.GetRequiredService<ApiAuthorization>().Authorize(key, siteId);
        if (error is not null)
        {
            await error.WriteAsync(context.Response);
            return null;
        }
        return new StatsApiRequest(site!, services,
            services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            services.GetRequiredService<AnalyticsOptions>().Goals);
    }

    /// <summary>Both checks, for the v1 endpoints whose <c>site_id</c> is in the query string.</summary>
    public static async Task<StatsApiRequest?> AuthorizeAsync(HttpContext context, string? siteId) =>
        await AuthenticateAsync(context) is { } key ? await ForSiteAsync(context, key, siteId) : null;

    /// <summary>Plausible's error for a goal filter naming a goal the site does not have, or null.</summary>
    public string? UnconfiguredGoal(IEnumerable<Filter> filters)
    {
        foreach (var filter in filters.Where(f => f.Dimension.Name == "event:goal"))
        foreach (var name in filter.Values)
        {
            if (Goals.Any(g => g.DisplayName == name)) continue;
            var what = name.StartsWith("Visit ", StringComparison.Ordinal)
                ? $"The pageview goal for the pathname `{name["Visit ".Length..]}` is not configured for this site. "
                : $"The goal `{name}` is not configured for this site. ";
            return what + "Find out how to configure goals here: https://plausible.io/docs/stats-api#filtering-by-goals";
        }
        return null;
    }
}
