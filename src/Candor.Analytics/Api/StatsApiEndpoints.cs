using Candor.Analytics.Api.Keys;
using Candor.Analytics.Api.V1;
using Candor.Analytics.Api.V2;
using Candor.Analytics.Endpoint;
using Candor.Analytics.Query;
using Candor.Analytics.Store;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Candor.Analytics.Api;

public static class StatsApiEndpoints
{
    /// <summary>
    /// The Stats API's services: the key file of the data folder, the per-key rate limit and the checks. Called by
    /// <c>AddAnalytics</c>; a <see cref="StatsApiOptions"/> registered earlier wins.
    /// </summary>
    internal static IServiceCollection AddStatsApi(this IServiceCollection services, AnalyticsOptions options)
    {
        services.TryAddSingleton(new StatsApiOptions());
        services.TryAddSingleton(_ => new ApiKeyStore(options.DataFolder));
        services.TryAddSingleton(sp => new ApiRateLimit(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<StatsApiOptions>().HourlyRequestLimit));
        services.TryAddSingleton<ApiAuthorization>();
        services.AddStatsQueries();
        services.AddHostedService<SessionCacheWarmup>();
        return services;
    }

    /// <summary>Maps the Stats API v1 (<c>GET /api/v1/stats/…</c>) and v2 (<c>POST /api/v2/query</c>).</summary>
    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStatsApiV1();
        endpoints.MapStatsApiV2();
        return endpoints;
    }
}
