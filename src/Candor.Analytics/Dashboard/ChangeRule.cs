using Candor.Analytics.Query;

namespace Candor.Analytics.Dashboard;

/// <summary>The change of a metric against the compared range, by the reference's rules (§3); null when there is none.</summary>
public delegate double? ChangeRule(Metric metric, double? current, double? previous);
