using Candor.Analytics.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Candor.Analytics.Tests.Store;

/// <summary><c>retention_months</c>: expired events are deleted from the real DuckDB file, at start-up and hourly.</summary>
public sealed class EventRetentionTests : IDisposable
{
    private readonly TempFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    private static StoredEvent At(DateTime utc, string path) => Events.Pageview() with { Timestamp = utc, Pathname = path };

    [Fact]
    public void The_cutoff_is_calendar_months_back()
    {
        Assert.Equal(new DateTime(2025, 3, 31, 10, 0, 0), EventRetention.Cutoff(new DateTime(2026, 3, 31, 10, 0, 0), 12));
        // No 31 February: AddMonths clamps to the month's last day, so nothing younger than N months is deleted.
        Assert.Equal(new DateTime(2026, 2, 28, 0, 0, 0), EventRetention.Cutoff(new DateTime(2026, 3, 31, 0, 0, 0), 1));
    }

    [Fact]
    public async Task A_sweep_deletes_exactly_the_events_before_the_cutoff()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));
        await using var store = DuckDbEventStore.Open(_folder.File("events.duckdb"));
        await store.AppendAsync([
            At(new DateTime(2026, 3, 15, 11, 59, 59, DateTimeKind.Utc), "/expired"),
            At(new DateTime(2026, 3, 15, 12, 0, 0, DateTimeKind.Utc), "/exactly-three-months"),
            At(new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), "/recent"),
        ]);
        var retention = new EventRetention(store, 3, time, NullLogger<EventRetention>.Instance);

        Assert.Equal(1, await retention.SweepAsync());
        Assert.Equal(["/exactly-three-months", "/recent"], (await store.QueryAsync("SELECT pathname FROM events ORDER BY timestamp")).Select(r => (string)r[0]!));
        Assert.Equal(0, await retention.SweepAsync());
    }

    [Fact]
    public async Task The_hosted_sweeper_runs_at_start_and_every_hour_on_a_quiet_site()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));
        await using var store = DuckDbEventStore.Open(_folder.File("events.duckdb"));
        await store.AppendAsync([At(new DateTime(2026, 5, 15, 11, 0, 0, DateTimeKind.Utc), "/first"), At(new DateTime(2026, 5, 15, 12, 30, 0, DateTimeKind.Utc), "/second")]);
        using var retention = new EventRetention(store, 1, time, NullLogger<EventRetention>.Instance);

        await retention.StartAsync(CancellationToken.None);
        await Eventually(async () => await store.CountAsync() == 1); // /first expired at start-up
        time.Advance(TimeSpan.FromHours(1)); // 13:00: /second (12:30 a month ago) is now expired too
        await Eventually(async () => await store.CountAsync() == 0);
        await retention.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_deletion_is_in_the_file_when_it_is_reopened()
    {
        // (A byte scan for the deleted paths would prove nothing: DuckDB compresses strings, so they are not in the
        // file verbatim even before deletion. What matters is that the deletion is durable.)
        var path = _folder.File("events.duckdb");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero));
        await using (var store = DuckDbEventStore.Open(path))
        {
            await store.AppendAsync(Enumerable.Range(0, 3000).Select(i => At(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i), "/old" + i)).ToList());
            await store.AppendAsync([At(new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), "/kept")]);
            Assert.Equal(3000, await new EventRetention(store, 12, time, NullLogger<EventRetention>.Instance).SweepAsync());
        }
        await using var reopened = DuckDbEventStore.Open(path);
        Assert.Equal(["/kept"], (await reopened.QueryAsync("SELECT pathname FROM events")).Select(r => (string)r[0]!));
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(25);
        }
        Assert.Fail("condition not met within 5 s");
    }
}
