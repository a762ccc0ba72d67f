using Candor.Analytics.Store;

namespace Candor.Analytics.Tests.Store;

public sealed class DuckDbEventStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_new_file_gets_the_current_schema_and_reopening_keeps_it_and_the_events()
    {
        var path = _folder.File("events.duckdb");
        await using (var store = DuckDbEventStore.Open(path))
        {
            Assert.Equal(DuckDbMigrations.All.Length, store.SchemaVersion);
            await store.AppendAsync([Events.Pageview(1), Events.Pageview(2)]);
        }
        await using var again = DuckDbEventStore.Open(path);
        Assert.Equal(DuckDbMigrations.All.Length, again.SchemaVersion);
        Assert.Equal(2, await again.CountAsync());
    }

    [Fact]
    public async Task Every_field_round_trips()
    {
        await using var store = DuckDbEventStore.Open(_folder.File("events.duckdb"));
        await store.AppendAsync([Events.Pageview(7) with { Referrer = "news.ycombinator.com", UtmSource = "hn", ScrollDepth = 80, EngagementMilliseconds = 1234, Interactive = false }]);
        var row = Assert.Single(await store.QueryAsync(
            "SELECT timestamp, site, name, visitor_id, session_id, pathname, referrer, utm_source, interactive, scroll_depth, engagement_ms, prop_keys[1], prop_values[1] FROM events"));
        Assert.Equal(new DateTime(2026, 3, 10, 12, 0, 0), row[0]);
        Assert.Equal(["example.com", "pageview", 8UL, ulong.MaxValue - 7, "/p7", "news.ycombinator.com", "hn", false], row[1..9]);
        Assert.Equal((byte)80, Convert.ToByte(row[9]));
        Assert.Equal(1234L, row[10]);
        Assert.Equal(["plan", "pro"], row[11..]);
    }

    [Fact]
    public async Task A_file_from_a_newer_candor_is_refused()
    {
        var path = _folder.File("events.duckdb");
        await (await Task.FromResult(DuckDbEventStore.Open(path))).DisposeAsync();
        using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE schema_version SET version = 99";
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<InvalidOperationException>(() => DuckDbEventStore.Open(path));
        Assert.Contains("99", error.Message);
    }
}
