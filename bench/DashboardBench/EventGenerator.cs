using System.Diagnostics;
using Candor.Analytics.Query;
using Candor.Analytics.Store;

namespace Candor.Bench.Dashboard;

/// <summary>
/// Writes a realistic year of traffic for one site into <c>DATA/analytics.duckdb</c> through the real store:
/// sessions spread over the last 365 days with growth, a weekly and a diurnal rhythm; pages, referrers and
/// countries drawn from power laws (a few very popular, a long tail); 1–20 pageviews per session with
/// engagement events; outbound-link, file-download and 404 events with props. Deterministic (fixed seed), so
/// two runs measure the same data.
/// </summary>
internal static class EventGenerator
{
    private const int BatchSize = 100_000;

    public static async Task<int> RunAsync(string dataFolder, string site, long target)
    {
        var path = Path.Combine(dataFolder, "analytics.duckdb");
        if (File.Exists(path)) File.Delete(path);
        var clock = Stopwatch.StartNew();
        var random = new Random(42);
        var traffic = new Traffic(random, site);
        var end = DateTime.UtcNow.Date.AddHours(DateTime.UtcNow.Hour + 1);
        var start = end.AddDays(-365);
        var hours = (int)(end - start).TotalHours;

        // Sessions per hour ∝ growth × weekday × time of day; ~3.8 events per session on average.
        var weights = new double[hours];
        for (var h = 0; h < hours; h++)
        {
            var t = start.AddHours(h);
            var growth = 0.6 + 0.8 * h / hours;
            var weekday = t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.7 : 1.0;
            var diurnal = 0.35 + Math.Pow(Math.Sin(Math.PI * ((t.Hour + 18) % 24) / 24.0), 2);
            weights[h] = growth * weekday * diurnal;
        }
        var sessionsWanted = target / 3.8;
        var scale = sessionsWanted / weights.Sum();

        await using var store = DuckDbEventStore.Open(path);
        var batch = new List<StoredEvent>(BatchSize + 64);
        long written = 0;
        for (var h = 0; h < hours && written < target; h++)
        {
            var hourStart = start.AddHours(h);
            var sessions = (int)Math.Round(weights[h] * scale * (0.85 + 0.3 * random.NextDouble()));
            for (var s = 0; s < sessions && written + batch.Count < target; s++)
                traffic.Session(hourStart.AddSeconds(random.Next(3600)), batch);
            if (batch.Count >= BatchSize || h == hours - 1)
            {
                batch.Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp)); // events arrive in time order in real life
                await store.AppendAsync(batch);
                written += batch.Count;
                batch.Clear();
                Console.Error.Write($"\r{written:N0} events written");
            }
        }
        if (batch.Count > 0) { await store.AppendAsync(batch); written += batch.Count; }
        Console.Error.WriteLine();
        Console.WriteLine($"generated {written:N0} events for {site} from {start:yyyy-MM-dd} to {end:yyyy-MM-dd HH:mm} in {clock.Elapsed.TotalSeconds:F1} s");
        // What `candor serve` does in the background after start-up (SessionCacheWarmup), done here first so the timed
        // calls measure a server that has settled, not one still summarising a year of sessions.
        clock.Restart();
        var prepared = await new StatsEngine(store, TimeProvider.System).PrepareAsync(site, new DateRange(start.Date, DateTime.UtcNow.Date));
        Console.WriteLine($"session cache {(prepared ? "filled" : "NOT filled")} in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
