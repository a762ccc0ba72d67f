using Candor.Analytics.Query;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// A view's period resolved by the query layer's rules (<see cref="Period"/>: Plausible's ranges and default
/// intervals; <see cref="Change.ComparedRange"/>: the range compared with), so the dashboard, the Stats API and the
/// CLI export mean the same days by "last 30 days".
/// </summary>
public static class DashboardPeriod
{
    public sealed record Resolved(DateRange Range, Interval Interval, DateRange? Compared);

    public static async Task<Resolved> ResolveAsync(DashboardState state, DateTime nowUtc, IStatsQueries queries, string site, CancellationToken cancellationToken = default)
    {
        // "All time" starts at the site's first event, which only the store knows.
        var first = state.Period == "all" ? await queries.FirstEventAsync(site, cancellationToken) : null;
        var period = state.Period == "custom" && state.From is { } from && state.To is { } to
            ? Period.Custom(from, to)
            : Period.Resolve(state.Period, state.Date, nowUtc, first);
        // A custom range over a year has no day buckets (Plausible's rule): take the coarsest it allows.
        var interval = period.Allows(period.DefaultInterval) ? period.DefaultInterval : period.ValidIntervals[^1];
        return new Resolved(period.Range, interval, Change.ComparedRange(period.Range, state.Compare));
    }
}
