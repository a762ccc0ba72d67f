using System.Collections.Concurrent;
using Candor.Analytics.Store;
using Microsoft.Extensions.Time.Testing;

namespace Candor.Analytics.Tests.Store;

public class EventBufferTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10); // only against a hang; no test waits on time

    /// <summary>Records batches; can be held shut to fill the buffer.</summary>
    private sealed class RecordingStore : IEventStore
    {
        public readonly ConcurrentQueue<IReadOnlyList<StoredEvent>> Batches = new();
        public readonly SemaphoreSlim BatchWritten = new(0);
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public RecordingStore(bool open = true)
        {
            if (open) Gate.SetResult();
        }

        public async Task AppendAsync(IReadOnlyList<StoredEvent> batch, CancellationToken cancellationToken = default)
        {
            await Gate.Task;
            Batches.Enqueue([.. batch]);
            BatchWritten.Release();
        }

        public Task<long> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult((long)Batches.Sum(b => b.Count));
        public Task<long> DeleteOlderThanAsync(DateTime cutoffUtc, CancellationToken cancellationToken = default) => throw new NotSupportedException("not used by these tests");
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_full_batch_is_written_without_waiting_for_the_clock()
    {
        var store = new RecordingStore();
        await using var buffer = new EventBuffer(store, _time, new EventBufferOptions { BatchSize = 3, MaxDelay = TimeSpan.FromHours(1) });
        for (var i = 0; i < 3; i++) Assert.True(buffer.TryAdd(Events.Pageview(i)));
        Assert.True(await store.BatchWritten.WaitAsync(Guard));
        Assert.Equal(3, Assert.Single(store.Batches).Count);
    }

    [Fact]
    public async Task A_partial_batch_is_written_once_its_oldest_event_has_waited_the_max_delay()
    {
        var store = new RecordingStore();
        await using var buffer = new EventBuffer(store, _time, new EventBufferOptions { BatchSize = 100, MaxDelay = TimeSpan.FromSeconds(1) });
        buffer.TryAdd(Events.Pageview(1));
        Assert.False(await store.BatchWritten.WaitAsync(TimeSpan.Zero));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await store.BatchWritten.WaitAsync(Guard));
        Assert.Single(Assert.Single(store.Batches));
    }

    [Fact]
    public async Task A_full_buffer_refuses_events_and_keeps_every_one_it_accepted()
    {
        var store = new RecordingStore(open: false);
        var buffer = new EventBuffer(store, _time, new EventBufferOptions { Capacity = 4, BatchSize = 2 });
        var accepted = Enumerable.Range(0, 100).Count(i => buffer.TryAdd(Events.Pageview(i)));
        Assert.InRange(accepted, 4, 4 + 2); // the queue, plus at most one batch the writer already holds
        store.Gate.SetResult();
        await buffer.DisposeAsync();
        Assert.Equal(accepted, await store.CountAsync());
        Assert.Equal(accepted, buffer.Written);
    }

    [Fact]
    public async Task Disposing_writes_what_is_queued_and_then_refuses_more()
    {
        var store = new RecordingStore();
        var buffer = new EventBuffer(store, _time, new EventBufferOptions { BatchSize = 100, MaxDelay = TimeSpan.FromHours(1) });
        for (var i = 0; i < 5; i++) buffer.TryAdd(Events.Pageview(i));
        await buffer.DisposeAsync();
        Assert.Equal(5, await store.CountAsync());
        Assert.False(buffer.TryAdd(Events.Pageview(9)));
    }

    [Fact]
    public async Task Stored_events_reach_a_real_duckdb_file()
    {
        using var folder = new TempFolder();
        await using var store = DuckDbEventStore.Open(folder.File("events.duckdb"));
        await using (var buffer = new EventBuffer(store, _time, new EventBufferOptions { BatchSize = 10 }))
            for (var i = 0; i < 25; i++) buffer.TryAdd(Events.Pageview(i));
        Assert.Equal(25, await store.CountAsync());
    }
}
