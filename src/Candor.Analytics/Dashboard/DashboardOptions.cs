using Candor.Analytics.Query;

namespace Candor.Analytics.Dashboard;

/// <summary>What <c>services.AddDashboard(options)</c> needs.</summary>
public sealed record DashboardOptions
{
    /// <summary>The sites with analytics (normalised, <c>www.</c>-less); any other domain is a 404.</summary>
    public required IReadOnlyCollection<string> Sites { get; init; }

    /// <summary>Sites whose dashboard anyone may open (<c>candor: analytics: public:</c>, <c>--public-stats</c>).</summary>
    public IReadOnlyCollection<string> PublicSites { get; init; } = [];

    /// <summary>
    /// k of the public and shared views (<c>candor: analytics: k_threshold:</c>, default 5): the same setting the
    /// generated privacy policy quotes ("never shows a group of fewer than k visitors"), so the promise and its
    /// enforcement cannot drift apart.
    /// </summary>
    public int KThreshold { get; init; } = 5;

    /// <summary>Holds <c>share-links.json</c> and the share cookie's key.</summary>
    public required string DataFolder { get; init; }

    /// <summary>The conversion goals (<c>event:goal</c>, the Goals panel); without any, the panel lists custom events.</summary>
    public IReadOnlyList<Goal> Goals { get; init; } = [];

    /// <summary>Rows a panel shows before its "More" link.</summary>
    public int RowsPerPanel { get; init; } = 9;
}
