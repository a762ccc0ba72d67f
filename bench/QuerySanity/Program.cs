using System.Diagnostics;
using Candor.Analytics.Query;
using Candor.Analytics.Store;
using DuckDB.NET.Data;

// Generates N events over 12 months for one site with DuckDB SQL (time-ordered sessions of one to five events,
// power-law pages and sources), then times the 30-day dashboard's queries run in parallel, warm.
var count = args.Length > 0 ? long.Parse(args[0]) : 2_000_000;
var path = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"candor-query-sanity-{count}.duckdb");
var end = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
var start = end.AddMonths(-12);

if (!File.Exists(path))
{
    var watch = Stopwatch.StartNew();
    await (await Task.FromResult(DuckDbEventStore.Open(path))).DisposeAsync();
    using var connection = new DuckDBConnection($"Data Source={path}");
    connection.Open();
    using var command = connection.CreateCommand();
    var seconds = (long)(end - start).TotalSeconds;
    command.CommandText = $"""
        INSERT INTO events (timestamp, site, name, visitor_id, session_id, hostname, pathname, referrer, utm_source, utm_medium,
                            interactive, scroll_depth, engagement_ms, prop_keys, prop_values, browser, browser_version, os, os_version,
                            device, country, source, referrer_source, channel)
        WITH e AS (
            SELECT i, i // 3 AS s, i % 3 AS k, CAST(hash(i // 3) >> 2 AS BIGINT) AS h, CAST(hash(i) >> 2 AS BIGINT) AS hi FROM range({count}) t(i)
        )
        SELECT TIMESTAMP '{start:yyyy-MM-dd}' + to_seconds(CAST(s * {seconds} / ({count} // 3 + 1) AS BIGINT)) + to_seconds(k * 45),
               'bench.example',
               CASE WHEN k = 2 AND hi % 3 = 0 THEN 'engagement' WHEN k = 2 AND hi % 7 = 0 THEN 'Signup' ELSE 'pageview' END,
               CAST(h % ({count} // 5) AS UBIGINT), CAST(s AS UBIGINT), 'bench.example',
               '/page/' || CAST(floor(pow((hi % 100000) / 100000.0, 4) * 3000) AS INTEGER),
               NULL, CASE WHEN h % 50 = 0 THEN 'newsletter' END, CASE WHEN h % 50 = 0 THEN 'email' END,
               true, CASE WHEN k = 2 AND hi % 3 = 0 THEN 60 END, CASE WHEN k = 2 AND hi % 3 = 0 THEN hi % 120000 END,
               CASE WHEN hi % 10 = 0 THEN ['plan'] ELSE [] END, CASE WHEN hi % 10 = 0 THEN ['pro'] ELSE [] END,
               ['Chrome', 'Safari', 'Firefox', 'Edge'][h % 4 + 1], '120.0', ['Windows', 'Mac', 'iOS', 'Android', 'Linux'][h % 5 + 1], '10',
               ['Desktop', 'Mobile', 'Tablet'][h % 3 + 1], ['US', 'DE', 'FR', 'GB', 'IN', 'BR', 'JP', 'NL'][h % 8 + 1],
               CASE WHEN h % 4 = 0 THEN NULL ELSE ['Google', 'Hacker News', 'GitHub', 'Twitter', 'Bing', 'site' || CAST(h % 500 AS VARCHAR) || '.example'][CAST(floor(pow((h % 1000) / 1000.0, 2) * 6) AS INTEGER) + 1] END,
               NULL,
               CASE WHEN h % 4 = 0 THEN 'Direct' ELSE ['Organic Search', 'Organic Social', 'Referral'][h % 3 + 1] END
        FROM e ORDER BY i
        """;
    command.CommandTimeout = 0;
    command.ExecuteNonQuery();
    using var checkpoint = connection.CreateCommand();
    checkpoint.CommandText = "CHECKPOINT";
    checkpoint.ExecuteNonQuery();
    Console.WriteLine($"Generated {count:N0} events in {watch.Elapsed.TotalSeconds:F1} s into {path}");
}

await using var store = DuckDbEventStore.Open(path);
var engine = new StatsEngine(new ExplainingReader(store), TimeProvider.System);
Console.WriteLine($"{await store.CountAsync():N0} events in {path}");

Goal[] goals = [Goal.Event("Signup"), Goal.Page("/page/1*")];
StatsQuery Query(DateRange range, Metric[] metrics, string? dimension = null, int limit = 9) => new()
{
    Site = "bench.example",
    Range = range,
    Metrics = metrics,
    Dimensions = dimension is null ? [] : [Dimension.Parse(dimension)],
    Limit = limit,
    Goals = goals,
};

StatsQuery[] Dashboard(DateRange range)
{
    Metric[] top = [Metric.Visitors, Metric.Visits, Metric.Pageviews, Metric.ViewsPerVisit, Metric.BounceRate, Metric.VisitDuration];
    return
    [
        Query(range, top),
        Query(Change.ComparedRange(range, Comparison.PreviousPeriod)!.Value, top),
        Query(range, [Metric.Visitors], "time:day", 1000),
        Query(range, [Metric.Visitors], "visit:channel"),
        Query(range, [Metric.Visitors], "visit:source"),
        Query(range, [Metric.Visitors, Metric.Pageviews], "event:page"),
        Query(range, [Metric.Visitors, Metric.Visits], "visit:entry_page"),
        Query(range, [Metric.Visitors, Metric.Visits], "visit:exit_page"),
        Query(range, [Metric.Visitors, Metric.Percentage], "visit:country"),
        Query(range, [Metric.Visitors, Metric.Percentage], "visit:browser"),
        Query(range, [Metric.Visitors, Metric.Percentage], "visit:os"),
        Query(range, [Metric.Visitors, Metric.Percentage], "visit:device"),
        Query(range, [Metric.Visitors, Metric.Events, Metric.ConversionRate], "event:goal"),
    ];
}

// A cold session cache: the first query over the year answers from the events and starts filling the cache in the
// background; the dashboards below are timed once it is full.
await store.ExecuteAsync([new SqlStatement("DELETE FROM session_days", []), new SqlStatement("DELETE FROM session_days_filled", [])]);
var fill = Stopwatch.StartNew();
await engine.QueryAsync(Query(new DateRange(start, end), [Metric.Visitors]));
Console.WriteLine($"First 12-month query with a cold cache: {fill.Elapsed.TotalMilliseconds:F0} ms");
await engine.PrepareAsync("bench.example", new DateRange(start, end));
Console.WriteLine($"Session cache filled for 12 months after {fill.Elapsed.TotalMilliseconds:F0} ms");

var last30 = new DateRange(end.AddDays(-30), end);
if (Environment.GetEnvironmentVariable("CANDOR_EXPLAIN") == "1")
{
    await engine.QueryAsync(Query(last30, [Metric.Visitors, Metric.Visits], Environment.GetEnvironmentVariable("CANDOR_EXPLAIN_DIMENSION") ?? "visit:source"));
    return;
}
var year = new DateRange(start, end);
foreach (var (name, range) in new[] { ("30 days", last30), ("12 months", year) })
{
    var queries = Dashboard(range);
    for (var i = 0; i < 2; i++) await Task.WhenAll(queries.Select(q => engine.QueryAsync(q)));
    var each = queries.Select(_ => new List<double>()).ToArray();
    var whole = new List<double>();
    for (var run = 0; run < 10; run++)
    {
        var all = Stopwatch.StartNew();
        await Task.WhenAll(queries.Select(async (q, i) =>
        {
            var w = Stopwatch.StartNew();
            await engine.QueryAsync(q);
            lock (each) each[i].Add(w.Elapsed.TotalMilliseconds);
        }));
        whole.Add(all.Elapsed.TotalMilliseconds);
    }
    Console.WriteLine($"{name}: whole dashboard ({queries.Length} queries in parallel) p50 {P(whole, 50):F0} ms, p95 {P(whole, 95):F0} ms");
    for (var i = 0; i < queries.Length; i++)
    {
        var q = queries[i];
        var serial = Stopwatch.StartNew();
        for (var r = 0; r < 5; r++) await engine.QueryAsync(q);
        Console.WriteLine($"  {string.Join(",", q.Dimensions.Select(d => d.Name)).PadRight(18)} {string.Join(",", q.Metrics.Select(m => m.Name())),-60} alone {serial.Elapsed.TotalMilliseconds / 5,6:F0} ms");
    }
}

static double P(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
}
