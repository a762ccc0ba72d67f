using Candor.Analytics.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Candor.Analytics.Query;

internal static class StatsQueriesServices
{
    /// <summary>
    /// One query engine over the store ingestion writes to (the Stats API and the dashboard share it, and with it the
    /// session cache), unless a host registered its own <see cref="IStatsQueries"/> first.
    /// </summary>
    public static IServiceCollection AddStatsQueries(this IServiceCollection services)
    {
        services.TryAddSingleton<IStatsQueries>(sp => new StatsEngine(
            sp.GetRequiredService<IEventStore>() as ISqlReader ?? throw new InvalidOperationException("Statistics need an event store that can be queried (ISqlReader)."),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
