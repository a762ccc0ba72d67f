using System.Globalization;
using Candor.Analytics.Query;

namespace Candor.Analytics.Api;

/// <summary>
/// How the Stats API writes time buckets: <c>2021-01-01 00:00:00</c> for hours and minutes, <c>2021-01-01</c> for
/// days, weeks (the Monday, or the range's first day) and months (the first of the month).
/// </summary>
public static class TimeLabels
{
    public static string Format(DateTime bucket, Interval interval) => interval is Interval.Hour or Interval.Minute
        ? bucket.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
        : bucket.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An engine time value (ISO text) in the API's form; text that is not a time is passed through.</summary>
    public static string Format(string value, Interval interval) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? Format(time, interval)
            : value;

    /// <summary>Every bucket start in the range, in order (for <c>include.time_labels</c>).</summary>
    public static IEnumerable<DateTime> Buckets(DateRange range, Interval interval)
    {
        var start = Truncate(range.From, interval);
        for (var t = start; t < range.To; t = Next(t, interval))
            yield return t < range.From ? range.From : t;
    }

    /// <summary>The interval a time dimension names; <c>time</c> alone takes the query's own.</summary>
    public static Interval Of(Dimension dimension, Interval fallback) => dimension.Name switch
    {
        "time:minute" => Interval.Minute,
        "time:hour" => Interval.Hour,
        "time:day" => Interval.Day,
        "time:week" => Interval.Week,
        "time:month" => Interval.Month,
        _ => fallback,
    };

    private static DateTime Truncate(DateTime t, Interval interval) => interval switch
    {
        Interval.Minute => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, DateTimeKind.Utc),
        Interval.Hour => new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc),
        Interval.Day => t.Date,
        Interval.Week => t.Date.AddDays(-(((int)t.DayOfWeek + 6) % 7)),
        _ => new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    private static DateTime Next(DateTime t, Interval interval) => interval switch
    {
        Interval.Minute => t.AddMinutes(1),
        Interval.Hour => t.AddHours(1),
        Interval.Day => t.AddDays(1),
        Interval.Week => t.AddDays(7),
        _ => t.AddMonths(1),
    };
}
