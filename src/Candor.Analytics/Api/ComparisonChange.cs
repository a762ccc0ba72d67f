using Candor.Analytics.Query;

namespace Candor.Analytics.Api;

/// <summary>
/// The reference's change rules: percent change rounded, 100 when the old value was 0 and the new one is not, 0 when
/// both are 0; bounce rate as a difference in points (null when there was nothing before); conversion rate as a
/// difference rounded to one decimal.
/// </summary>
public static class ComparisonChange
{
    public static double? Of(Metric metric, double? current, double? previous)
    {
        var now = current ?? 0;
        var before = previous ?? 0;
        return metric switch
        {
            Metric.BounceRate => before == 0 ? null : Math.Round(now - before, MidpointRounding.AwayFromZero),
            Metric.ConversionRate => Math.Round(now - before, 1, MidpointRounding.AwayFromZero),
            _ when before == 0 => now > 0 ? 100 : 0,
            _ => Math.Round((now - before) / before * 100, MidpointRounding.AwayFromZero),
        };
    }
}
