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
/// <remarks>
/// The writer is a dedicated thread, not a thread-pool loop: a DuckDB append (and the checkpoint DuckDB folds
/// into a commit now and then) is synchronous work of tens to hundreds of milliseconds, and on a thread-pool
/// thread it took one of the few workers away from requests until the pool noticed — the p99 spikes and 503s
/// of the first benchmark. The writer also sleeps until a batch is full or due, instead of waking for every
/// event (a wake-up per event was a thread-pool work item per request).
/// </remarks>
public sealed class EventBuffer : IAsyncDisposable
{
    private readonly Channel<Pending> _channel;
    private readonly IEventStore _store;
    private readonly TimeProvider _time;
    private readonly EventBufferOptions _options;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _batchDue = NewSignal();
    private int _queued;
    private int _stopping;
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
        // Background, so a host that never disposes the buffer can still exit; a graceful stop disposes it.
        new Thread(WriteLoop) { IsBackground = true, Name = "Candor analytics writer" }.Start();
    }

    /// <summary>Events the store has confirmed.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Events accepted but lost because the store failed (each failure is logged).</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Queues the event; false when the buffer is full (answer 503) or stopping.</summary>
    public bool TryAdd(StoredEvent e)
    {
        if (!_channel.Writer.TryWrite(new Pending(e, _time.GetUtcNow()))) return false;
        // Only the event that fills a batch wakes the writer; the rest wait for it or for the deadline.
        if (Interlocked.Increment(ref _queued) >= _options.BatchSize) Volatile.Read(ref _batchDue).TrySetResult();
        return true;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void WriteLoop()
    {
        var reader = _channel.Reader;
        var batch = new List<StoredEvent>(_options.BatchSize);
        try
        {
            while (true)
            {
                if (!reader.TryPeek(out var oldest))
                {
                    // Empty: sleep until an event arrives; false means stopped and drained.
                    if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult()) return;
                    continue;
                }
                WaitUntilDue(oldest.Enqueued);
                // A fresh signal before taking the batch, so an event that fills the next one wakes the writer again.
                // Exchange (a full fence) pairs with the one in DisposeAsync: either the writer sees the stop flag
                // or the disposer completes this signal, so a stop never waits for a deadline.
                Interlocked.Exchange(ref _batchDue, NewSignal());
                while (batch.Count < _options.BatchSize && reader.TryRead(out var next)) batch.Add(next.Event);
                Interlocked.Add(ref _queued, -batch.Count);
                Write(batch);
                batch.Clear();
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    /// <summary>
    /// Returns when a batch is full, the oldest event has waited <see cref="EventBufferOptions.MaxDelay"/>, or the
    /// buffer is stopping. The deadline comes from when the oldest event was queued, so a clock that moved on while
    /// the writer was busy (or a test's fake clock advanced early) flushes at once instead of waiting again.
    /// </summary>
    private void WaitUntilDue(DateTimeOffset oldestEnqueued)
    {
        var remaining = oldestEnqueued + _options.MaxDelay - _time.GetUtcNow();
        if (remaining <= TimeSpan.Zero || Volatile.Read(ref _stopping) == 1 || Volatile.Read(ref _queued) >= _options.BatchSize) return;
        using var timeout = new CancellationTokenSource();
        var deadline = Task.Delay(remaining, _time, timeout.Token);
        // The clock may have moved between reading it and arming the timer (the timer then counts from the new time):
        // look again now the timer is armed, so a deadline already passed is never waited for a second time.
        if (oldestEnqueued + _options.MaxDelay - _time.GetUtcNow() > TimeSpan.Zero)
            Task.WaitAny(deadline, Volatile.Read(ref _batchDue).Task);
        timeout.Cancel();
    }

    private void Write(List<StoredEvent> batch)
    {
        try
        {
            _store.AppendAsync(batch).GetAwaiter().GetResult();
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
        Interlocked.Exchange(ref _stopping, 1);
        _channel.Writer.TryComplete();
        Volatile.Read(ref _batchDue).TrySetResult();
        await _stopped.Task;
    }
}

public sealed record EventBufferOptions
{
    /// <summary>
    /// Events the buffer holds before it refuses more (each is a few hundred bytes, so about 20 MB at most). Enough for
    /// a DuckDB checkpoint — which stalls the writer for up to about a second — at tens of thousands of events a second.
    /// </summary>
    public int Capacity { get; init; } = 50_000;

    /// <summary>
    /// A batch is written as soon as it has this many events. Each DuckDB append plans an insert and commits, about 2 ms
    /// of CPU whatever the batch's size (the writer spent 15 µs per event with batches of 200, 7.5 µs with 1,000, 5.7 µs
    /// with 2,000), but a batch is also one uninterrupted stretch of CPU on a machine whose other core serves requests,
    /// and its events stay alive across garbage collections until it is written: 5,000 took bench/ingest.sh's p99 to
    /// 12–14 ms, 2,000 keeps it at 7–8 ms. 8,000 (tried later: 1.4 µs less per event for the writer alone) gave the whole
    /// benchmark no throughput and a 12 ms p99; 30,000 (a commit about once a second at full load) no throughput either
    /// and an 18 ms p99: the long commit takes a core from the requests in one stretch.
    /// </summary>
    public int BatchSize { get; init; } = 2_000;

    /// <summary>…or when its oldest event has waited this long.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1);
}
