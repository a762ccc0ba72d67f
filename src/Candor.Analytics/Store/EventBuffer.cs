using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Candor.Analytics.Store;

/// <summary>
/// The bounded queue between the request (which answers 202 as soon as its event is here) and the store
/// (which writes batches). A batch is written when it reaches <see cref="EventBufferOptions.BatchSize"/>
/// events or when its oldest event has waited <see cref="EventBufferOptions.MaxDelay"/>. When the queue is
/// full <see cref="TryAdd"/> says so and the endpoint answers 503: memory never grows without bound.
/// <see cref="DisposeAsync"/> (graceful stop) writes whatever is queued before returning.
/// </summary>
public sealed class EventBuffer : IAsyncDisposable
{
    private readonly Channel<Pending> _channel;
    private readonly IEventStore _store;
    private readonly TimeProvider _time;
    private readonly EventBufferOptions _options;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private long _written;
    private long _lost;

    private readonly record struct Pending(StoredEvent Event, DateTimeOffset Enqueued);

    public EventBuffer(IEventStore store, TimeProvider time, EventBufferOptions? options = null, ILogger<EventBuffer>? logger = null)
    {
        _options = options ?? new EventBufferOptions();
        if (_options.Capacity < 1 || _options.BatchSize < 1) throw new ArgumentException("Capacity and batch size must be at least 1.", nameof(options));
        _store = store;
        _time = time;
        _logger = logger ?? NullLogger<EventBuffer>.Instance;
        _channel = Channel.CreateBounded<Pending>(new BoundedChannelOptions(_options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite, "Wait" means "refuse": nothing queued is ever dropped
            SingleReader = true,
        });
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Events the store has confirmed.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Events accepted but lost because the store failed (each failure is logged).</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Queues the event; false when the buffer is full (answer 503) or stopping.</summary>
    public bool TryAdd(StoredEvent e) => _channel.Writer.TryWrite(new Pending(e, _time.GetUtcNow()));

    private async Task WriteLoopAsync()
    {
        var reader = _channel.Reader;
        var batch = new List<StoredEvent>(_options.BatchSize);
        while (await reader.WaitToReadAsync())
        {
            if (!reader.TryRead(out var first)) continue;
            batch.Add(first.Event);
            // The deadline comes from when the oldest event was queued, so a clock that moved on while this
            // loop was busy (or a test's fake clock advanced early) flushes at once instead of waiting again.
            using var timeout = new CancellationTokenSource();
            var remaining = first.Enqueued + _options.MaxDelay - _time.GetUtcNow();
            var deadline = remaining > TimeSpan.Zero ? Task.Delay(remaining, _time, timeout.Token) : Task.CompletedTask;
            while (batch.Count < _options.BatchSize)
            {
                if (reader.TryRead(out var next))
                {
                    batch.Add(next.Event);
                    continue;
                }
                var more = reader.WaitToReadAsync().AsTask();
                if (await Task.WhenAny(more, deadline) == deadline || !await more) break;
            }
            timeout.Cancel();
            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<StoredEvent> batch)
    {
        try
        {
            await _store.AppendAsync(batch);
            Interlocked.Add(ref _written, batch.Count);
        }
        catch (Exception exception)
        {
            // StoredEvent holds nothing personal, so the store's message is safe to log.
            Interlocked.Add(ref _lost, batch.Count);
            _logger.LogError(exception, "The analytics store failed to write {Count} events", batch.Count);
        }
    }

    /// <summary>Stops accepting events and waits until every queued one has been written.</summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _loop;
    }
}

public sealed record EventBufferOptions
{
    /// <summary>Events the buffer holds before it refuses more (each is a few hundred bytes).</summary>
    public int Capacity { get; init; } = 10_000;

    /// <summary>A batch is written as soon as it has this many events.</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>…or when its oldest event has waited this long.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1);
}
