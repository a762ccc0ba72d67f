using Candor.Analytics.Query;

namespace Candor.Analytics.Api;

/// <summary>Settings of the Stats API; register one before <c>AddAnalytics</c> to change the defaults.</summary>
public sealed record StatsApiOptions
{
    /// <summary>Requests per key per hour (Plausible's default for self-hosted keys is 600).</summary>
    public int HourlyRequestLimit { get; init; } = 600;

    /// <summary>The goals of each site (by normalised domain): what <c>event:goal</c> and <c>conversion_rate</c> mean.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Goal>> Goals { get; init; } = new Dictionary<string, IReadOnlyList<Goal>>();

    public IReadOnlyList<Goal> GoalsOf(string site) => Goals.TryGetValue(site, out var goals) ? goals : [];
}
