namespace Candor.Analytics.Query;

/// <summary>A period name resolved against a date: the UTC range it covers, its default interval and the intervals it allows.</summary>
public sealed record ResolvedPeriod(string Name, DateRange Range, Interval DefaultInterval, IReadOnlyList<Interval> ValidIntervals)
{
    public bool Allows(Interval interval) => ValidIntervals.Contains(interval);
}
