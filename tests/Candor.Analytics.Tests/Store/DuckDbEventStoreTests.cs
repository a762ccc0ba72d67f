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

    [Fact]
    public async Task Coded_fields_are_stored_as_label_ids_and_read_back_as_text_with_one_id_per_value()
    {
        await using var store = DuckDbEventStore.Open(_folder.File("events.duckdb"));
        await store.AppendAsync([
            Events.Pageview(1) with { Browser = "Chrome", BrowserVersion = "120.0", Os = "Linux", Hostname = "blog.example.com" },
            Events.Pageview(2) with { Name = "Signup", Browser = "Firefox", Os = "Windows", OsVersion = "11" },
        ]);
        await store.AppendAsync([
            Events.Pageview(3) with { Name = "engagement", Browser = "Chrome", BrowserVersion = "121.0", Site = "other.example", Hostname = "other.example" },
            Events.Pageview(4) with { Name = "Signup" },
        ]);
        var rows = await store.QueryAsync("SELECT site, name, hostname, browser, browser_version, os, os_version FROM events ORDER BY rowid");
        Assert.Equal([
            ["example.com", "pageview", "blog.example.com", "Chrome", "120.0", "Linux", null],
            ["example.com", "Signup", "example.com", "Firefox", null, "Windows", "11"],
            ["other.example", "engagement", "other.example", "Chrome", "121.0", null, null],
            ["example.com", "Signup", "example.com", null, null, null, null],
        ], rows);
        Assert.Equal(["UINTEGER", "UINTEGER"], Assert.Single(await store.QueryAsync("SELECT DISTINCT typeof(site), typeof(browser) FROM event_rows")));
        // The two fixed ids, and every other value once.
        Assert.Equal([1L, 2L], (await store.QueryAsync("SELECT id FROM labels WHERE value IN ('pageview', 'engagement') ORDER BY value DESC")).Select(r => Convert.ToInt64(r[0])));
        Assert.Equal(["11", "120.0", "121.0", "Chrome", "Firefox", "Linux", "Signup", "Windows", "blog.example.com", "engagement", "example.com", "other.example", "pageview"],
            (await store.QueryAsync("SELECT value FROM labels ORDER BY value")).Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task A_failed_append_takes_its_new_labels_with_it_and_the_next_append_codes_its_values_right()
    {
        var path = _folder.File("events.duckdb");
        await using (var store = DuckDbEventStore.Open(path))
        {
            await store.AppendAsync([Events.Pageview(1) with { Browser = "Chrome" }]);
            // Make the next append fail after its labels are written: it clears the session cache of its (past) day.
            await store.QueryAsync("DROP TABLE session_days");
            await Assert.ThrowsAnyAsync<DuckDBException>(() => store.AppendAsync([Events.Pageview(2) with { Browser = "Firefox", Os = "Haiku" }]));
            await store.QueryAsync("CREATE TABLE session_days (site VARCHAR, day TIMESTAMP)");
            await store.AppendAsync([Events.Pageview(3) with { Browser = "Safari" }, Events.Pageview(4) with { Browser = "Firefox", Os = "Haiku" }, Events.Pageview(5) with { Browser = "Chrome" }]);
            var rows = await store.QueryAsync("SELECT pathname, browser, os FROM events ORDER BY rowid");
            Assert.Equal([["/p1", "Chrome", null], ["/p3", "Safari", null], ["/p4", "Firefox", "Haiku"], ["/p5", "Chrome", null]], rows);
            Assert.Equal(0L, Assert.Single(await store.QueryAsync("SELECT count(*) FROM event_rows e LEFT JOIN labels l ON l.id = e.browser WHERE l.id IS NULL"))[0]);
        }
        // Reopened, the ids continue after the stored ones.
        await using var again = DuckDbEventStore.Open(path);
        await again.AppendAsync([Events.Pageview(6) with { Browser = "Edge" }, Events.Pageview(7) with { Browser = "Safari" }]);
        Assert.Equal(["Chrome", "Safari", "Firefox", "Chrome", "Edge", "Safari"], (await again.QueryAsync("SELECT browser FROM events ORDER BY rowid")).Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task Text_that_DuckDB_stores_alike_gets_one_label_and_the_batch_is_kept()
    {
        // DuckDB keeps UTF-8: lone surrogates arrive as U+FFFD, so these three names are one value there.
        await using var store = DuckDbEventStore.Open(_folder.File("events.duckdb"));
        await store.AppendAsync([Events.Pageview(1) with { Name = "x\uFFFD" }]);
        await store.AppendAsync([Events.Pageview(2) with { Name = "x\uD800" }, Events.Pageview(3) with { Name = "x\uDC00" }, Events.Pageview(4) with { Name = "x\uFFFD" }]);
        Assert.Equal(Enumerable.Repeat("x\uFFFD", 4), (await store.QueryAsync("SELECT name FROM events ORDER BY rowid")).Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task Label_ids_stay_right_when_more_values_arrive_than_the_writer_remembers()
    {
        var path = _folder.File("events.duckdb");
        await (await Task.FromResult(DuckDbEventStore.Open(path))).DisposeAsync();
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        var labels = new LabelCodes(connection, capacity: 3);
        uint[] IdsOf(params string?[] values)
        {
            // A reused buffer, as the store's is: stale ids from before must not survive (null gets 0).
            var ids = Enumerable.Repeat(99u, values.Length).ToArray();
            labels.Find(values, ids);
            return ids;
        }
        var first = IdsOf("a", "b", null, "c", "a");
        Assert.Equal(first[0], first[4]);
        Assert.Equal(0u, first[2]);
        var second = IdsOf("d", "e", "a", "pageview", "f", "b");
        var third = IdsOf("c", "f", "engagement");
        Assert.Equal([first[0], first[1], first[3]], [second[2], second[5], third[0]]);
        Assert.Equal([1u, 2u], [second[3], third[2]]);
        Assert.Equal(second[4], third[1]);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM labels WHERE value IN ('a', 'b', 'c', 'd', 'e', 'f')";
        Assert.Equal(6L, Convert.ToInt64(command.ExecuteScalar()));
    }

    [Fact]
    public async Task Opening_a_version_4_file_codes_its_text_columns_keeps_every_row_in_its_order_and_empties_the_session_cache()
    {
        var path = _folder.File("events.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            Execute(connection, "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (4)");
            foreach (var migration in DuckDbMigrations.All[..4]) Execute(connection, migration);
            Execute(connection, """
                INSERT INTO events (timestamp, site, name, visitor_id, session_id, hostname, pathname, interactive, prop_keys, prop_values, browser, browser_version, os, os_version, device, country)
                VALUES ('2026-03-10 12:00:05', 'example.com', 'Signup', 1, 1, 'example.com', '/b', true, ['plan'], ['pro'], 'Chrome', '120.0', 'Linux', NULL, 'Desktop', 'FR'),
                       ('2026-03-10 12:00:00', 'example.com', 'pageview', 1, 1, 'www.example.com', '/a', true, [], [], 'Chrome', '120.0', 'Linux', NULL, 'Desktop', 'FR'),
                       ('2026-03-10 12:00:09', 'other.example', 'engagement', 2, 2, 'other.example', '/', false, [], [], NULL, NULL, NULL, NULL, NULL, NULL);
                INSERT INTO session_days (site, day, session_id, s_visitor, s_start, s_pageviews, s_events, s_bounce, s_duration, v_browser, v_os)
                VALUES ('example.com', '2026-03-10', 1, 1, '2026-03-10 12:00:00', 1, 2, 0, 5, 'Chrome', 'Linux');
                INSERT INTO session_days_filled VALUES ('example.com', '2026-03-10');
                """);
        }
        await using var store = DuckDbEventStore.Open(path);
        Assert.Equal(DuckDbMigrations.All.Length, store.SchemaVersion);
        var rows = await store.QueryAsync("SELECT timestamp, site, name, hostname, pathname, prop_values, browser, browser_version, os, os_version, device, country FROM events ORDER BY rowid");
        Assert.Equal([
            [new DateTime(2026, 3, 10, 12, 0, 5), "example.com", "Signup", "example.com", "/b", new List<string> { "pro" }, "Chrome", "120.0", "Linux", null, "Desktop", "FR"],
            [new DateTime(2026, 3, 10, 12, 0, 0), "example.com", "pageview", "www.example.com", "/a", new List<string>(), "Chrome", "120.0", "Linux", null, "Desktop", "FR"],
            [new DateTime(2026, 3, 10, 12, 0, 9), "other.example", "engagement", "other.example", "/", new List<string>(), null, null, null, null, null, null],
        ], rows);
        Assert.Equal(0L, Assert.Single(await store.QueryAsync("SELECT (SELECT count(*) FROM session_days) + (SELECT count(*) FROM session_days_filled)"))[0]);
        Assert.Equal("UINTEGER", Assert.Single(await store.QueryAsync("SELECT typeof(v_browser) FROM (SELECT NULL::UINTEGER AS x) LEFT JOIN session_days ON true"))[0]);
        // New events reuse the converted labels.
        await store.AppendAsync([Events.Pageview(9) with { Browser = "Chrome" }]);
        Assert.Equal(1L, Assert.Single(await store.QueryAsync("SELECT count(DISTINCT browser) FROM event_rows"))[0]);
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
