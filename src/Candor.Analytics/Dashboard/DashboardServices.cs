using Candor.Analytics.Api.Keys;
using Candor.Analytics.Dashboard.Sharing;
using Candor.Analytics.Query;
using Candor.Analytics.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Candor.Analytics.Dashboard;

public static class DashboardServices
{
    /// <summary>
    /// Registers the dashboard (pair with <c>endpoints.MapDashboard()</c>). Needs the query layer's
    /// <see cref="Query.IStatsQueries"/>. A host may register its own <see cref="IDashboardViewer"/> (owner sign-in)
    /// first; the default recognises the owner by a Stats API key.
    /// </summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, DashboardOptions options)
    {
        var sites = options.Sites.Select(Endpoint.AnalyticsOptions.NormaliseSite).ToHashSet(StringComparer.Ordinal);
        var publicSites = options.PublicSites.Select(Endpoint.AnalyticsOptions.NormaliseSite).Where(sites.Contains).ToHashSet(StringComparer.Ordinal);
        services.AddSingleton(options with { Sites = sites, PublicSites = publicSites });
        services.TryAddSingleton(TimeProvider.System);
        // The Stats API's keys (registered by AddAnalytics; the same file when the dashboard runs alone) say who the owner is.
        services.TryAddSingleton(_ => new ApiKeyStore(options.DataFolder));
        services.TryAddSingleton<IDashboardViewer, ApiKeyOwner>();
        services.TryAddSingleton<DashboardAssets>();
        services.TryAddSingleton<DashboardLoader>();
        services.TryAddSingleton<CsvExport>();
        services.TryAddSingleton(sp => new ShareLinkStore(options.DataFolder, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ShareCookie(options.DataFolder, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new PasswordAttempts(sp.GetRequiredService<TimeProvider>()));
        services.AddStatsQueries();
        return services;
    }
}
