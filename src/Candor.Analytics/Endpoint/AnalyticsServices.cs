using Candor.Analytics.Api;
using Candor.Analytics.Classification;
using Candor.Analytics.Identity;
using Candor.Analytics.Ingestion;
using Candor.Analytics.Store;
using Candor.Analytics.Tracker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Routing;

namespace Candor.Analytics.Endpoint;

public static class AnalyticsServices
{
    /// <summary>
    /// Registers ingestion: the DuckDB store in <c>DATA/analytics.duckdb</c>, the salts in <c>DATA/salts</c>, the
    /// bounded buffer (flushed when the host stops) and the tracker scripts. Pair with <c>endpoints.MapAnalytics()</c>.
    /// A test can register its own <see cref="IEventStore"/> or <see cref="TimeProvider"/> first; those win.
    /// </summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services, AnalyticsOptions options)
    {
        if (options.Sites.Count == 0) throw new ArgumentException("Analytics needs at least one site.", nameof(options));
        var sites = new HashSet<string>(options.Sites.Select(AnalyticsOptions.NormaliseSite), StringComparer.Ordinal);
        services.AddSingleton(options with { Sites = sites });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEventStore>(_ => DuckDbEventStore.Open(options.StorePath));
        services.TryAddSingleton(sp => new SaltStore(options.SaltFolder, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SessionTracker(sp.GetRequiredService<TimeProvider>()));
        // Bots and referrer spam are dropped, and the rest classified, before anything is identified.
        services.TryAddSingleton(_ =>
        {
            var classifier = EventClassifier.Load(options.DataSetsFolder is { } folder ? new DataSets(folder) : DataSets.FindDefault());
            RootDomain.Use(classifier.Suffixes);
            return classifier;
        });
        services.TryAddSingleton<EventRecorder>();
        services.TryAddSingleton(sp => new EventBuffer(
            sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<TimeProvider>(), options.Buffer, sp.GetService<ILogger<EventBuffer>>()));
        services.TryAddSingleton<IngestionCounters>();
        services.TryAddSingleton<TrackerScripts>();
        services.Configure<RouteOptions>(routes => routes.SetParameterPolicy<TrackerFileConstraint>(TrackerFileConstraint.Name));
        services.AddStatsApi(options);
        services.AddHostedService<AnalyticsLifetime>();
        if (options.RetentionMonths is { } months)
            services.AddHostedService(sp => new EventRetention(
                sp.GetRequiredService<IEventStore>(), months, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<EventRetention>>() ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<EventRetention>.Instance));
        return services;
    }
}
