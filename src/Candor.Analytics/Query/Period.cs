using System.Globalization;

namespace Candor.Analytics.Query;

/// <summary>
/// Plausible's periods (<c>realtime day 7d 28d 30d 91d month 6mo 12mo year all custom</c>) → UTC ranges. Sites are
/// on UTC (Candor has no per-site time zone yet). The rules are Plausible's current ones
/// (plausible/analytics lib/plausible/stats/query_period.ex and interval.ex):
/// <list type="bullet">
/// <item><c>7d</c>, <c>28d</c>, <c>30d</c>, <c>91d</c> are the N full days <em>before</em> the date, so "last 7
/// days" on 8 May is 1–7 May (today, being partial, is not in it);</item>
/// <item><c>6mo</c>, <c>12mo</c> are the N full calendar months before the date's month;</item>
/// <item><c>day</c>, <c>month</c>, <c>year</c> are the whole calendar unit containing the date (default today);</item>
/// <item><c>realtime</c> is the last 30 minutes (the dashboard's realtime view), by minute;</item>
/// <item><c>all</c> runs from the site's first event's day through the date.</item>
/// </list>
/// Default intervals: realtime minute, day hour, Nd/month/custom day, 6mo/12mo/year month, all month (day when it
/// spans less than a month). Valid intervals: realtime minute; day minute, hour; 7d hour, day; 28d/30d/month day,
/// week; 91d/6mo/12mo/year/custom/all day, week, month — without day when custom or all spans more than 12 months.
/// </summary>
public static class Period
{
    public static readonly IReadOnlyList<string> Names = ["realtime", "day", "7d", "28d", "30d", "91d", "month", "6mo", "12mo", "year", "all", "custom"];

    private static readonly TimeSpan RealtimeWindow = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Resolves <paramref name="period"/> relative to <paramref name="date"/> (ISO <c>yyyy-MM-dd</c>; null: today in
    /// UTC at <paramref name="nowUtc"/>). <paramref name="firstEvent"/> is where <c>all</c> starts (null: the date).
    /// <c>custom</c> needs <see cref="Custom"/>. Throws <see cref="StatsQueryException"/> naming the bad period or date.
    /// </summary>
    public static ResolvedPeriod Resolve(string period, string? date, DateTime nowUtc, DateTime? firstEvent = null)
    {
        DateOnly? day = null;
        if (date is not null)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                throw new StatsQueryException($"Invalid date \"{date}\": expected YYYY-MM-DD.");
            day = parsed;
        }
        return Resolve(period, day, nowUtc, firstEvent);
    }

    public static ResolvedPeriod Resolve(string period, DateOnly? date, DateTime nowUtc, DateTime? firstEvent = null)
    {
        var today = date ?? DateOnly.FromDateTime(nowUtc);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        return period switch
        {
            "realtime" => new(period, new DateRange(nowUtc - RealtimeWindow, nowUtc.AddSeconds(5)), Interval.Minute, [Interval.Minute]),
            "day" => new(period, Days(today, today), Interval.Hour, [Interval.Minute, Interval.Hour]),
            "7d" => LastDays(period, today, 7, [Interval.Hour, Interval.Day]),
            "28d" => LastDays(period, today, 28, [Interval.Day, Interval.Week]),
            "30d" => LastDays(period, today, 30, [Interval.Day, Interval.Week]),
            "91d" => LastDays(period, today, 91, [Interval.Day, Interval.Week, Interval.Month]),
            "month" => new(period, Days(monthStart, monthStart.AddMonths(1).AddDays(-1)), Interval.Day, [Interval.Day, Interval.Week]),
            "6mo" => new(period, Days(monthStart.AddMonths(-6), monthStart.AddDays(-1)), Interval.Month, [Interval.Day, Interval.Week, Interval.Month]),
            "12mo" => new(period, Days(monthStart.AddMonths(-12), monthStart.AddDays(-1)), Interval.Month, [Interval.Day, Interval.Week, Interval.Month]),
            "year" => new(period, Days(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)), Interval.Month, [Interval.Day, Interval.Week, Interval.Month]),
            "all" => All(today, firstEvent is { } f ? DateOnly.FromDateTime(f) : today),
            "custom" => throw new StatsQueryException("The custom period needs a date range (from and to)."),
            _ => throw new StatsQueryException($"Invalid period \"{period}\": expected one of {string.Join(", ", Names)}."),
        };
    }

    /// <summary>The days <paramref name="from"/> through <paramref name="to"/>, both included.</summary>
    public static ResolvedPeriod Custom(DateOnly from, DateOnly to)
    {
        if (to < from) throw new StatsQueryException($"Invalid date range: {to:yyyy-MM-dd} is before {from:yyyy-MM-dd}.");
        return new("custom", Days(from, to), Interval.Day, LongerThanAYear(from, to) ? [Interval.Week, Interval.Month] : [Interval.Day, Interval.Week, Interval.Month]);
    }

    private static ResolvedPeriod All(DateOnly today, DateOnly first)
    {
        if (first > today) first = today;
        var interval = first.AddMonths(1) <= today ? Interval.Month : Interval.Day;
        return new("all", Days(first, today), interval, LongerThanAYear(first, today) ? [Interval.Week, Interval.Month] : [Interval.Day, Interval.Week, Interval.Month]);
    }

    private static ResolvedPeriod LastDays(string name, DateOnly date, int days, Interval[] valid) =>
        new(name, Days(date.AddDays(-days), date.AddDays(-1)), Interval.Day, valid);

    private static bool LongerThanAYear(DateOnly from, DateOnly to) => from.AddMonths(12) < to;

    private static DateRange Days(DateOnly first, DateOnly last) =>
        new(first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
}
