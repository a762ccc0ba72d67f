using Candor.Analytics.Query;

namespace Candor.Analytics.Dashboard;

/// <summary>One panel as loaded: the tab it shows and its rows, already through <see cref="KAnonymity"/>.</summary>
public sealed record PanelView(Panel Panel, PanelTab Tab, ShownResult Result);

/// <summary>
/// Everything one dashboard page (or export) shows, every number already through <see cref="Privacy"/>: rendering
/// code only ever sees <see cref="Figure"/>s, so it cannot print an exact small count by mistake.
/// </summary>
public sealed record DashboardData
{
    public required string Site { get; init; }
    public required DashboardState State { get; init; }
    public required KAnonymity Privacy { get; init; }
    public required DateRange Range { get; init; }
    public required Interval Interval { get; init; }
    /// <summary>The range compared with, when the view compares.</summary>
    public DateRange? ComparedRange { get; init; }
    public IReadOnlyList<Goal> Goals { get; init; } = [];

    /// <summary>The filters actually applied: the state's, less any refused for being under k (the loader puts the
    /// applied ones into <see cref="State"/>, so its links carry no refused filter either).</summary>
    public IReadOnlyList<Filter> Filters => State.Filters;
    public required IReadOnlyList<Metric> TopMetrics { get; init; }
    public required IReadOnlyList<Figure> Top { get; init; }
    public IReadOnlyList<Figure>? TopCompared { get; init; }

    /// <summary>Visitors per interval: one row per bucket, zero-filled.</summary>
    public required ShownResult Graph { get; init; }
    public ShownResult? GraphCompared { get; init; }

    public required IReadOnlyList<PanelView> Panels { get; init; }
    public required Figure CurrentVisitors { get; init; }

    /// <summary>What the URL asked for that could not be shown, in words.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>A goal is filtered: the top stats are conversions rather than traffic.</summary>
    public bool GoalFiltered => Filters.Any(f => f.Dimension.Name == "event:goal");

    public PanelView PanelOf(Panel panel) => Panels.First(p => p.Panel == panel);
}
