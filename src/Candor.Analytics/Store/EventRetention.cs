using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Candor.Analytics.Store;

/// <summary>
/// Enforces <c>candor: analytics: retention_months</c>: at start-up and then every hour, events older than N
/// calendar months (UTC) are deleted, on a quiet site as on a busy one. The generated privacy policy states the
/// same N, so the promise and the deletion come from one setting. Without a setting nothing is deleted (the issue's
/// default: keep), and the policy says so.
/// </summary>
public sealed class EventRetention(IEventStore store, int months, TimeProvider time, ILogger<EventRetention> logger) : BackgroundService
{
    /// <summary>Time between sweeps.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private PeriodicTimer? _timer;

    /// <summary>Events stamped before this instant are expired when it is <paramref name="nowUtc"/>.</summary>
    public static DateTime Cutoff(DateTime nowUtc, int months) => nowUtc.AddMonths(-months);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Created before the host reports "started", so a clock moved right after start-up is not missed.
        _timer = new PeriodicTimer(Interval, time);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ticks = _timer ?? new PeriodicTimer(Interval, time);
        try
        {
            do await SweepAsync(stoppingToken);
            while (await ticks.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Deletes the expired events now; returns how many. A failing store is logged and retried next hour.</summary>
    public async Task<long> SweepAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = Cutoff(time.GetUtcNow().UtcDateTime, months);
        try
        {
            var deleted = await store.DeleteOlderThanAsync(cutoff, cancellationToken);
            if (deleted > 0)
                logger.LogInformation("Deleted {Count} analytics events older than {Months} months (before {Cutoff:u})", deleted, months, cutoff);
            return deleted;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Cannot delete expired analytics events: {Error}", ex.Message);
            return 0;
        }
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }
}
