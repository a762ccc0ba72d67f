using Candor.Analytics.Endpoint;
using Candor.Analytics.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Candor.Analytics.Query;

/// <summary>
/// Fills the session cache for the last 12 months of every site once the server has started, in the background, so
/// the first visitor of a long-period dashboard after a restart or an upgrade does not pay for it. The cache lives in
/// the store's file, so after the first run this only summarises the days closed since. Queries are right whether or
/// not it has finished (they read the events for days not yet cached).
/// </summary>
internal sealed class SessionCacheWarmup(IServiceProvider services, AnalyticsOptions options, TimeProvider time, ILogger<SessionCacheWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Only a queryable store has statistics to prepare (resolved here, not injected: the engine refuses other stores).
        if (services.GetRequiredService<IEventStore>() is not ISqlReader || services.GetRequiredService<IStatsQueries>() is not StatsEngine engine) return;
        // Let start-up (and the first requests) have the CPU first.
        await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
        var today = time.GetUtcNow().UtcDateTime.Date;
        var range = new DateRange(today.AddMonths(-12), today);
        foreach (var site in options.Sites)
        {
            try
            {
                await engine.PrepareAsync(site, range, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Could not prepare the statistics of {Site}: {Error}", site, ex.Message);
            }
        }
    }
}
