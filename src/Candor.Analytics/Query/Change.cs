namespace Candor.Analytics.Query;

/// <summary>
/// The "change" a comparison shows next to a figure (reference §3): percent change rounded to an integer, 100 when
/// the old value was 0 and the new is not, 0 when both are 0; bounce_rate as a difference in points (none when the
/// old rate is 0, there being no old visits); conversion_rate as a difference rounded to one decimal.
/// The Stats API and the dashboard both use this.
/// </summary>
public static class Change
{
    public static double? Of(Metric metric, double? current, double? previous)
    {
        if (current is not { } now || previous is not { } old) return null;
        return metric switch
        {
            Metric.BounceRate => old == 0 ? null : now - old,
            Metric.ConversionRate => Math.Round(now - old, 1, MidpointRounding.AwayFromZero),
            _ when old == 0 => now > 0 ? 100 : 0,
            _ => Math.Round((now - old) / old * 100, MidpointRounding.AwayFromZero),
        };
    }

    /// <summary>The range <paramref name="current"/> is compared with: the same length just before it, or the same dates a year earlier.</summary>
    public static DateRange? ComparedRange(DateRange current, Comparison comparison) => comparison switch
    {
        Comparison.None => null,
        Comparison.PreviousPeriod => new DateRange(current.From - current.Length, current.From),
        Comparison.YearOverYear => new DateRange(current.From.AddYears(-1), current.To.AddYears(-1)),
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };
}
