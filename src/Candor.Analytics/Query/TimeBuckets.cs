using System.Globalization;

namespace Candor.Analytics.Query;

/// <summary>
/// The buckets of a time dimension: which interval a dimension means, where buckets start (UTC; weeks start on
/// Monday, like Plausible's and DuckDB's ISO weeks) and how a bucket is written in a result row — <c>2026-03-01</c>
/// for day, week and month buckets, <c>2026-03-01 14:00:00</c> for hours and minutes (Plausible's timeseries form).
/// </summary>
public static class TimeBuckets
{
    /// <summary>The interval of a time dimension: <c>time:hour</c> → Hour; a bare <c>time</c> → <paramref name="queryInterval"/>.</summary>
    public static Interval IntervalOf(Dimension dimension, Interval queryInterval) => dimension.Name switch
    {
        "time:minute" => Interval.Minute,
        "time:hour" => Interval.Hour,
        "time:day" => Interval.Day,
        "time:week" => Interval.Week,
        "time:month" => Interval.Month,
        "time" => queryInterval,
        _ => throw new ArgumentException($"\"{dimension.Name}\" is not a time dimension.", nameof(dimension)),
    };

    /// <summary>The start of the bucket <paramref name="time"/> falls in.</summary>
    public static DateTime StartOf(DateTime time, Interval interval) => interval switch
    {
        Interval.Minute => new DateTime(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, DateTimeKind.Utc),
        Interval.Hour => new DateTime(time.Year, time.Month, time.Day, time.Hour, 0, 0, DateTimeKind.Utc),
        Interval.Day => new DateTime(time.Year, time.Month, time.Day, 0, 0, 0, DateTimeKind.Utc),
        Interval.Week => StartOf(time, Interval.Day).AddDays(-(((int)time.DayOfWeek + 6) % 7)),
        Interval.Month => new DateTime(time.Year, time.Month, 1, 0, 0, 0, DateTimeKind.Utc),
        _ => throw new ArgumentOutOfRangeException(nameof(interval)),
    };

    /// <summary>The next bucket's start after <paramref name="start"/>.</summary>
    public static DateTime Next(DateTime start, Interval interval) => interval switch
    {
        Interval.Minute => start.AddMinutes(1),
        Interval.Hour => start.AddHours(1),
        Interval.Day => start.AddDays(1),
        Interval.Week => start.AddDays(7),
        Interval.Month => start.AddMonths(1),
        _ => throw new ArgumentOutOfRangeException(nameof(interval)),
    };

    /// <summary>Every bucket that overlaps <paramref name="range"/>, in order (the rows a zero-filled timeseries has).</summary>
    public static IEnumerable<DateTime> Covering(DateRange range, Interval interval)
    {
        for (var t = StartOf(range.From, interval); t < range.To; t = Next(t, interval)) yield return t;
    }

    /// <summary>How a bucket appears in <see cref="ResultRow.Dimensions"/>.</summary>
    public static string Format(DateTime start, Interval interval) => interval is Interval.Minute or Interval.Hour
        ? start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
        : start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
