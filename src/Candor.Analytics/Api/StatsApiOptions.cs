namespace Candor.Analytics.Api;

/// <summary>Settings of the Stats API; register one before <c>AddAnalytics</c> to change the defaults.</summary>
public sealed record StatsApiOptions
{
    /// <summary>Requests per key per hour (Plausible's default for self-hosted keys is 600).</summary>
    public int HourlyRequestLimit { get; init; } = 600;
}
