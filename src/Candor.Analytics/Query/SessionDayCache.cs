using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Candor.Analytics.Query.Sql;
using Candor.Analytics.Store;

namespace Candor.Analytics.Query;

/// <summary>
/// Keeps <c>session_days</c> — each session summarised once per UTC day — filled for days that are over, so the
/// dashboard's visit breakdowns (sources, countries, devices, entry/exit pages, top stats) read one row per
/// session instead of re-summarising every event of a 30-day or 12-month range for every panel. A day is
/// summarised the first time a query covers it, at least <see cref="Settle"/> after it ended (late events have
/// arrived by then); the store drops cached days that later appends or retention touch. A visit that crosses
/// midnight counts as one visit on each day here, as it does when a range is cut at midnight.
/// </summary>
internal sealed class SessionDayCache(ISqlReader reader, ISqlWriter writer, TimeProvider time, SiteIds siteIds)
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(5);
    private const int WaitForDays = 7;
    private const int DaysPerFill = 31;

    // Process-wide, per store and site: two engines over one store (say, the API's and the dashboard's) must not
    // both summarise the same day, which would count its sessions twice.
    // Weak on the store, so a disposed store's gates go with it.
    private static readonly ConditionalWeakTable<ISqlReader, ConcurrentDictionary<string, SemaphoreSlim>> Fills = new();

    /// <summary>The whole, closed days inside <paramref name="range"/>; null when there are none.</summary>
    public static DateRange? CacheableDays(DateRange range, DateTime nowUtc)
    {
        var first = range.From == range.From.Date ? range.From : range.From.Date.AddDays(1);
        var end = range.To.Date;
        var closed = (nowUtc - Settle).Date;
        if (end > closed) end = closed;
        return end > first ? new DateRange(first, end) : null;
    }

    /// <summary>
    /// The closed days of <paramref name="range"/> when they are all cached, after filling a few missing ones (up
    /// to <see cref="WaitForDays"/>: yesterday, typically) in the query's time. More missing days (a first look at a
    /// year) are filled in the background and this query summarises from the events, so the cache never makes a
    /// query slower than it would be without it. Null: answer without the cache.
    /// </summary>
    public async Task<DateRange?> EnsureAsync(string site, DateRange range, CancellationToken cancellationToken)
    {
        if (CacheableDays(range, time.GetUtcNow().UtcDateTime) is not { } days) return null;
        var expected = (int)(days.To - days.From).TotalDays;
        int missing;
        try
        {
            missing = expected - (await FilledAsync(site, days, cancellationToken)).Count;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null; // no usable cache (say, a store without the table): answer from the events
        }
        if (missing == 0) return days;
        if (missing > WaitForDays)
        {
            _ = Task.Run(() => FillDaysAsync(site, days, CancellationToken.None), CancellationToken.None);
            return null;
        }
        return await FillDaysAsync(site, days, cancellationToken) ? days : null;
    }

    /// <summary>Fills every missing closed day of <paramref name="range"/> now (start-up warming, benchmarks); false when that failed.</summary>
    public Task<bool> FillAsync(string site, DateRange range, CancellationToken cancellationToken) =>
        CacheableDays(range, time.GetUtcNow().UtcDateTime) is { } days ? FillDaysAsync(site, days, cancellationToken) : Task.FromResult(true);

    /// <summary>Fills the missing days of <paramref name="days"/>, one transaction per run of at most <see cref="DaysPerFill"/> days; false when that failed.</summary>
    private async Task<bool> FillDaysAsync(string site, DateRange days, CancellationToken cancellationToken)
    {
        // One fill per store and site at a time: the dashboard's parallel queries wait for the first one's work, and
        // a background fill that finds the days done by another has nothing left to do.
        var gate = Fills.GetValue(reader, _ => new(StringComparer.Ordinal)).GetOrAdd(site, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var filled = await FilledAsync(site, days, cancellationToken);
            var runStart = (DateTime?)null;
            for (var day = days.From; day <= days.To; day = day.AddDays(1))
            {
                var missing = day < days.To && !filled.Contains(day);
                if (missing && runStart is null) runStart = day;
                if (runStart is { } start && (!missing || (day - start).TotalDays >= DaysPerFill))
                {
                    await writer.ExecuteAsync(FillStatements(site, await siteIds.IdOfAsync(site, cancellationToken), new DateRange(start, day)), cancellationToken);
                    runStart = missing ? day : null;
                }
            }
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A failed fill rolled back its transaction; the cache is an optimisation, so answer without it.
            return false;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<HashSet<DateTime>> FilledAsync(string site, DateRange days, CancellationToken cancellationToken)
    {
        var p = new SqlParameters(reader.Dialect);
        var sql = $"SELECT day FROM session_days_filled WHERE site = {p.Add(site)} AND day >= {p.Add(days.From)} AND day < {p.Add(days.To)}";
        var rows = await reader.ReadAsync(sql, p.Values, cancellationToken);
        return rows.Select(r => DateTime.SpecifyKind((DateTime)r[0]!, DateTimeKind.Utc)).ToHashSet();
    }

    /// <summary>Summarises the sessions of the days in <paramref name="run"/> and marks those days filled, as one transaction.</summary>
    private IReadOnlyList<SqlStatement> FillStatements(string site, uint siteId, DateRange run)
    {
        var d = reader.Dialect;
        var day = d.TimeBucket("timestamp", Interval.Day);
        var aggregates = SessionAggregates.Stats(d)
            .Concat(SessionAggregates.VisitValues.Select(v => (Alias: SessionAggregates.Alias(v), Sql: SessionAggregates.Visit(d, v))))
            .ToList();

        var clear = new SqlParameters(d);
        var delete = $"DELETE FROM session_days WHERE site = {clear.Add(site)} AND day >= {clear.Add(run.From)} AND day < {clear.Add(run.To)}";

        var fill = new SqlParameters(d);
        var insert = $"INSERT INTO session_days (site, day, session_id, {string.Join(", ", aggregates.Select(a => a.Alias))}) "
            + $"SELECT {fill.Add(site)}, {day}, session_id, {string.Join(", ", aggregates.Select(a => a.Sql))} "
            + $"FROM {Labels.EventTable} WHERE site = {fill.Add(siteId)} AND timestamp >= {fill.Add(run.From)} AND timestamp < {fill.Add(run.To)} "
            + $"GROUP BY session_id, {day}";

        var mark = new SqlParameters(d);
        var siteParameter = mark.Add(site);
        var values = new List<string>();
        for (var t = run.From; t < run.To; t = t.AddDays(1)) values.Add($"({siteParameter}, {mark.Add(t)})");
        var marked = $"INSERT INTO session_days_filled (site, day) VALUES {string.Join(", ", values)}";

        return [new(delete, clear.Values), new(insert, fill.Values), new(marked, mark.Values)];
    }
}
