using Candor.Analytics.Classification;
using Candor.Analytics.Store;
using DuckDB.NET.Data;

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
    public async Task Every_device_channel_and_country_code_is_stored_and_read_back_as_text()
    {
        await using var store = DuckDbEventStore.Open(_folder.File("events.duckdb"));
        string[] countries = ["DE", "US", "AA", "ZZ", "XK"];
        var events = DeviceTypes.All.Select((d, i) => Events.Pageview(i) with { Device = d })
            .Concat(Channels.All.Select((c, i) => Events.Pageview(100 + i) with { Channel = c }))
            .Concat(countries.Select((c, i) => Events.Pageview(200 + i) with { Country = c }))
            .ToList();
        await store.AppendAsync(events);
        var rows = await store.QueryAsync("SELECT device, channel, country FROM events ORDER BY visitor_id");
        Assert.Equal(events.Select(e => (e.Device, e.Channel, e.Country)), rows.Select(r => ((string?)r[0], (string?)r[1], (string?)r[2])));
    }

    [Fact]
    public async Task A_value_outside_a_closed_set_is_stored_as_null_and_the_rest_of_the_batch_is_kept()
    {
        await using var store = DuckDbEventStore.Open(_folder.File("events.duckdb"));
        await store.AppendAsync([
            Events.Pageview(1) with { Device = "Watch", Channel = "Telepathy", Country = "Germany" },
            Events.Pageview(2) with { Device = "Mobile", Channel = "Direct", Country = "de" },
        ]);
        var rows = await store.QueryAsync("SELECT device, channel, country, pathname FROM events ORDER BY visitor_id");
        Assert.Equal([null, null, null, "/p1"], rows[0]);
        Assert.Equal(["Mobile", "Direct", null, "/p2"], rows[1]);
        // Filters with any text still work against the ENUM columns: a value outside the set matches nothing.
        Assert.Equal(0L, Assert.Single(await store.QueryAsync("SELECT count(*) FROM events WHERE country IN ('Germany') OR device = 'Watch'"))[0]);
    }

    [Fact]
    public async Task Opening_a_version_3_file_converts_its_device_channel_and_country_columns_and_keeps_the_rows()
    {
        var path = _folder.File("events.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            Execute(connection, "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (3)");
            foreach (var migration in DuckDbMigrations.All[..3]) Execute(connection, migration);
            Execute(connection, """
                INSERT INTO events (timestamp, site, name, visitor_id, session_id, hostname, pathname, interactive, prop_keys, prop_values, device, channel, country)
                VALUES ('2026-03-10 12:00:00', 'example.com', 'pageview', 1, 1, 'example.com', '/a', true, [], [], 'Tablet', 'Paid Search', 'FR'),
                       ('2026-03-10 12:00:01', 'example.com', 'pageview', 2, 2, 'example.com', '/b', true, [], [], NULL, 'Direct', 'not a code')
                """);
        }
        await using var store = DuckDbEventStore.Open(path);
        Assert.Equal(DuckDbMigrations.All.Length, store.SchemaVersion);
        var rows = await store.QueryAsync("SELECT device, channel, country, starts_with(typeof(country), 'ENUM(') FROM events ORDER BY visitor_id");
        Assert.Equal(["Tablet", "Paid Search", "FR", true], rows[0]);
        Assert.Equal([null, "Direct", null, true], rows[1]);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
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
