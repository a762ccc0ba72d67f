using Microsoft.Extensions.DependencyInjection;
using Candor.Analytics.Api;
using Candor.Analytics.Tracker;
using Microsoft.AspNetCore.Routing;

namespace Candor.Analytics.Endpoint;

public static class AnalyticsEndpoints
{
    /// <summary>Maps <c>POST /api/event</c>, the tracker scripts (<c>/js/script*.js</c>) and the Stats API; needs <c>services.AddAnalytics()</c>.</summary>
    public static IEndpointRouteBuilder MapAnalytics(this IEndpointRouteBuilder endpoints)
    {
        // Load the data sets now: a missing `npm ci` must stop the server at start-up, not fail the first visit.
        endpoints.ServiceProvider.GetRequiredService<Candor.Analytics.Classification.EventClassifier>();
        endpoints.MapEvent();
        endpoints.MapTracker();
        endpoints.MapStatsApi();
        return endpoints;
    }
}
