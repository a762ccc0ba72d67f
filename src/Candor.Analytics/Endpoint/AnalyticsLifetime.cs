using Candor.Analytics.Store;
using Microsoft.Extensions.Hosting;

namespace Candor.Analytics.Endpoint;

/// <summary>
/// Opens the store and buffer when the host starts (so a broken data folder fails the start, not the first
/// visitor) and flushes the buffer when it has stopped. <see cref="StoppedAsync"/> runs after every hosted
/// service has stopped — Kestrel included — so requests still in flight during the drain get their events
/// queued, and every event answered 202 is written before the host returns from its stop.
/// </summary>
internal sealed class AnalyticsLifetime(EventBuffer buffer) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Disposing completes the queue and waits for the last batch; the container disposes it again later,
    // which is harmless. The store itself is disposed (checkpointed) by the container, after the buffer.
    public async Task StoppedAsync(CancellationToken cancellationToken) => await buffer.DisposeAsync();
}
