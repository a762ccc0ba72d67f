using Candor.Analytics.Query;

namespace Candor.Analytics.Api;

/// <summary>
/// The named periods of the Stats API resolved against a reference day (UTC: Candor sites have no time zone yet),
/// as Plausible resolves them: <c>day</c> that day; <c>7d</c>/<c>28d</c>/<c>30d</c>/<c>91d</c> the days before it
/// (7d: six before and the day; 30d: thirty before and the day, Plausible's arithmetic); <c>month</c> its calendar
/// month; <c>6mo</c>/<c>12mo</c> the calendar months up to and including its month; <c>year</c> its calendar year.
/// </summary>
public static class ApiPeriod
{
    public static readonly string[] Names = ["day", "7d", "28d", "30d", "91d", "month", "6mo", "12mo", "year"];

    /// <summary>The range of a named period (one of <see cref="Names"/>) around <paramref name="date"/>.</summary>
    public static DateRange Resolve(string period, DateOnly date) => period switch
    {
        "day" => Days(date, date),
        "7d" => Days(date.AddDays(-6), date),
        "28d" => Days(date.AddDays(-27), date),
        "30d" => Days(date.AddDays(-30), date),
        "91d" => Days(date.AddDays(-90), date),
        "month" => Months(date, 1),
        "6mo" => Months(date, 6),
        "12mo" => Months(date, 12),
        "year" => Days(new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31)),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "not a period name"),
    };

    /// <summary>Whole days <paramref name="first"/> … <paramref name="last"/>, inclusive.</summary>
    public static DateRange Days(DateOnly first, DateOnly last) =>
        new(first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    /// <summary>The last five minutes (Plausible's <c>realtime</c>).</summary>
    public static DateRange Realtime(DateTime now) => new(now.AddMinutes(-5), now.AddSeconds(5));

    /// <summary>
    /// Plausible's default bucket: minutes for realtime, hours for a single day, months for ranges longer than a
    /// calendar month's worth of days (6mo, 12mo, year, long custom ranges), days otherwise.
    /// </summary>
    public static Interval DefaultInterval(DateRange range) =>
        range.Length <= TimeSpan.FromHours(1) ? Interval.Minute
        : range.Length <= TimeSpan.FromDays(1) ? Interval.Hour
        : range.Length > TimeSpan.FromDays(92) ? Interval.Month
        : Interval.Day;

    /// <summary>
    /// The previous period of the same length, ending where <paramref name="range"/> starts; calendar periods
    /// (<c>month</c>, <c>6mo</c>, <c>12mo</c>, <c>year</c>) step back whole months so they compare like with like.
    /// </summary>
    public static DateRange Previous(string? period, DateRange range)
    {
        var months = period switch { "month" => 1, "6mo" => 6, "12mo" => 12, "year" => 12, _ => 0 };
        return months > 0 ? new DateRange(range.From.AddMonths(-months), range.From) : new DateRange(range.From - range.Length, range.From);
    }

    private static DateRange Months(DateOnly date, int count)
    {
        var last = new DateOnly(date.Year, date.Month, 1);
        return new DateRange(last.AddMonths(1 - count).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            last.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
    }
}
