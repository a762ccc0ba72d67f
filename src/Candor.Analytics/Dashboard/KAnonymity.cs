using Candor.Analytics.Query;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// The public dashboard's promise (beyond Plausible): no number on it describes fewer than <see cref="K"/> visitors.
/// Pure functions from the query layer's exact <see cref="QueryResult"/>s to <see cref="ShownResult"/>s:
/// <list type="bullet">
/// <item>a count (visitors, visits, pageviews, events) from 1 to k − 1 is withheld ("&lt; k"); zero is shown,
/// since "nobody" singles out no one;</item>
/// <item>a group (a breakdown row, the top stats, a graph bucket) of fewer than k visitors has every figure
/// withheld, its rates and durations too: a bounce rate or visit duration of two visitors is theirs;</item>
/// <item>breakdown rows under k are folded into one "(other)" row, which is never a filter link.</item>
/// </list>
/// Filtering is the subtle leak: filter by a rare referrer and the top stats would count its visitors. The rule above
/// applies to every number under any filter, and <see cref="AdmitsFilter"/> refuses a filter whose value is itself
/// under k. <see cref="Exact"/> (k = 1) is the owner's view: nothing is withheld or folded.
/// </summary>
public sealed class KAnonymity
{
    /// <summary>The label of the row that stands for every row under k.</summary>
    public const string Other = "(other)";

    public KAnonymity(int k)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1 (1 shows exact figures).");
        K = k;
    }

    /// <summary>Exact figures: what the site's owner sees.</summary>
    public static KAnonymity Exact { get; } = new(1);

    public int K { get; }

    public bool IsExact => K == 1;

    /// <summary>Counts add up across rows; everything else (rates, durations, percentages of a whole) does not.</summary>
    public static bool IsCount(Metric metric) => metric is Metric.Visitors or Metric.Visits or Metric.Pageviews or Metric.Events;

    /// <summary>Whether a count would single out fewer than k visitors.</summary>
    public bool Hides(double count) => count > 0 && count < K;

    /// <summary>A lone count, e.g. the realtime "current visitors".</summary>
    public Figure Count(double count) => Hides(count) ? Figure.Withheld : Figure.Of(count);

    /// <summary>
    /// One group's figures (the top stats, one bucket of the graph, one breakdown row): all withheld when its visitors
    /// are under k, else each count under k withheld. <paramref name="metrics"/> must include visitors.
    /// </summary>
    public IReadOnlyList<Figure> Group(IReadOnlyList<double?> values, IReadOnlyList<Metric> metrics)
    {
        var visitors = values[VisitorsIndex(metrics)] ?? 0;
        var figures = new Figure[metrics.Count];
        for (var i = 0; i < figures.Length; i++)
        {
            var value = values[i];
            figures[i] = Hides(visitors) || (IsCount(metrics[i]) && Hides(value ?? 0)) ? Figure.Withheld : Figure.Of(value);
        }
        return figures;
    }

    /// <summary>A breakdown: rows under k folded into one "(other)" row at the end (its counts summed, its rates dropped).</summary>
    public ShownResult Breakdown(QueryResult result, IReadOnlyList<Metric> metrics)
    {
        var visitorsIndex = VisitorsIndex(metrics);
        var shown = new List<ShownRow>(result.Rows.Count + 1);
        var folded = new List<ResultRow>();
        foreach (var row in result.Rows)
        {
            if (Hides(row.Metrics[visitorsIndex] ?? 0)) folded.Add(row);
            else shown.Add(new ShownRow(row.Dimensions, Group(row.Metrics, metrics)));
        }
        if (folded.Count == 0) return new ShownResult(shown, result.TotalRows);
        var sums = new double?[metrics.Count];
        for (var i = 0; i < sums.Length; i++)
            sums[i] = IsCount(metrics[i]) || metrics[i] == Metric.Percentage ? folded.Sum(r => r.Metrics[i] ?? 0) : null;
        var dimensions = Enumerable.Repeat(Other, folded[0].Dimensions.Count).ToArray();
        shown.Add(new ShownRow(dimensions, Group(sums, metrics), Folded: true));
        return new ShownResult(shown, result.TotalRows - folded.Count + 1);
    }

    /// <summary>A time series (or any list of groups that must not be folded): each row by <see cref="Group"/>.</summary>
    public ShownResult Series(QueryResult result, IReadOnlyList<Metric> metrics) =>
        new(result.Rows.Select(r => new ShownRow(r.Dimensions, Group(r.Metrics, metrics))).ToList(), result.TotalRows);

    /// <summary>
    /// Whether a filter may be applied, given how many visitors match it alone: filtering by a value under k would
    /// point at the very visitors its folding hid. A value nobody has is harmless (everything reads zero).
    /// </summary>
    public bool AdmitsFilter(double visitorsMatching) => !Hides(visitorsMatching);

    private static int VisitorsIndex(IReadOnlyList<Metric> metrics)
    {
        for (var i = 0; i < metrics.Count; i++)
            if (metrics[i] == Metric.Visitors) return i;
        throw new ArgumentException("k-anonymity counts visitors: the query must ask for the visitors metric.", nameof(metrics));
    }
}
