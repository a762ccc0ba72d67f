using System.Globalization;
using System.Text;
using Candor.Analytics.Query;
using static Candor.Analytics.Dashboard.Markup;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// The row of headline numbers (visitors, visits, pageviews, views per visit, bounce rate, visit duration; with a goal
/// filter: conversions and conversion rate), each with its change against the compared range. A change is shown only
/// when both figures are: a change from a withheld "&lt; k" would give the withheld number away.
/// </summary>
public static class TopStats
{
    public static void Render(StringBuilder html, DashboardData data)
    {
        html.Append("<section class=\"stats\" aria-label=\"Top stats\"><dl>");
        for (var i = 0; i < data.TopMetrics.Count; i++)
        {
            var metric = data.TopMetrics[i];
            var figure = data.Top[i];
            html.Append($"<div class=\"stat\" data-metric=\"{metric.Name()}\"><dt>{E(NumberText.Label(metric, data.GoalFiltered))}</dt>");
            html.Append($"<dd><span class=\"value\">{E(NumberText.Format(figure, metric, data.Privacy))}</span>");
            if (data.TopCompared is { } compared)
            {
                var before = compared[i];
                var delta = figure.Hidden || before.Hidden ? null : Candor.Analytics.Query.Change.Of(metric, figure.Value, before.Value);
                html.Append("<span class=\"delta\">").Append(ChangeText(metric, delta));
                html.Append($" <span class=\"before\">vs {E(NumberText.Format(before, metric, data.Privacy))}</span></span>");
            }
            html.Append("</dd></div>");
        }
        html.Append("</dl></section>");
    }

    private static string ChangeText(Metric metric, double? delta)
    {
        if (delta is not { } d) return "<span class=\"change none\">–</span>";
        // A lower bounce rate is the good direction; for everything else, up is good.
        var good = metric == Metric.BounceRate ? d < 0 : d > 0;
        var direction = d > 0 ? "up" : d < 0 ? "down" : "flat";
        var arrow = d > 0 ? "↑" : d < 0 ? "↓" : "→";
        var unit = metric is Metric.BounceRate or Metric.ConversionRate ? " pt" : "%";
        var text = Math.Abs(d).ToString("0.#", CultureInfo.InvariantCulture) + unit;
        var tone = d == 0 ? "" : good ? " good" : " bad";
        return $"<span class=\"change {direction}{tone}\" title=\"change against the compared period\"><span aria-hidden=\"true\">{arrow}</span> <span class=\"visually-hidden\">{(d > 0 ? "up" : d < 0 ? "down" : "unchanged")}</span>{E(text)}</span>";
    }
}
