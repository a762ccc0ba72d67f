using System.Globalization;
using System.Text;
using Candor.Analytics.Query;
using static Candor.Analytics.Dashboard.Markup;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// The main graph: visitors per interval as an inline SVG line (and the compared range as a dashed line), with the
/// axis labels in HTML around it so they stay readable when the SVG stretches to a phone's width. Each bucket is a
/// hover area with a native tooltip, and a visually hidden table carries the same numbers for screen readers.
/// A withheld bucket (1 to k − 1 visitors) is drawn at k / 2 and labelled "&lt; k": neither the line nor the tooltip
/// tells 1 from 4.
/// </summary>
public static class MainGraph
{
    private const double Width = 1000;
    private const double Height = 260;

    public static void Render(StringBuilder html, DashboardData data)
    {
        var rows = data.Graph.Rows;
        var compared = data.GraphCompared?.Rows;
        var privacy = data.Privacy;
        double Plotted(Figure f) => f.Hidden ? privacy.K / 2.0 : f.Value ?? 0;
        var top = rows.Select(r => Plotted(r.Figures[0])).Concat(compared?.Select(r => Plotted(r.Figures[0])) ?? []).DefaultIfEmpty(0).Max();
        if (rows.Concat(compared ?? []).Any(r => r.Figures[0].Hidden)) top = Math.Max(top, privacy.K);
        var scale = NiceCeiling(top);
        var unit = IntervalName(data.Interval);

        html.Append("<figure class=\"graph\">");
        html.Append($"<figcaption>Visitors per {unit}</figcaption>");
        html.Append("<div class=\"plot\"><div class=\"y-axis\" aria-hidden=\"true\">");
        foreach (var tick in new[] { scale, scale / 2, 0 }) html.Append($"<span>{E(TickText(tick))}</span>");
        html.Append("</div>");
        var peak = rows.Where(r => !r.Figures[0].Hidden).MaxBy(r => r.Figures[0].Value ?? 0);
        var label = rows.Count == 0 ? "No data" :
            $"Visitors per {unit} from {BucketText(rows[0].Dimensions[0], data.Interval)} to {BucketText(rows[^1].Dimensions[0], data.Interval)}" +
            (peak is null ? "" : $", peak {NumberText.Format(peak.Figures[0], Metric.Visitors, privacy)} on {BucketText(peak.Dimensions[0], data.Interval)}");
        html.Append($"<svg class=\"chart\" viewBox=\"0 0 {N(Width)} {N(Height)}\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{E(label)}\">");
        foreach (var y in new[] { 0.0, Height / 2, Height }) html.Append($"<line class=\"grid\" x1=\"0\" x2=\"{N(Width)}\" y1=\"{N(Math.Clamp(y, 0.5, Height - 0.5))}\" y2=\"{N(Math.Clamp(y, 0.5, Height - 0.5))}\" vector-effect=\"non-scaling-stroke\"/>");
        double X(int i, int count) => count <= 1 ? Width / 2 : i * Width / (count - 1);
        double Y(double v) => Height - v / scale * (Height - 8) - 1;
        string Points(IReadOnlyList<ShownRow> series) =>
            string.Join(' ', series.Select((r, i) => $"{N(X(i, series.Count))},{N(Y(Plotted(r.Figures[0])))}"));
        if (compared is { Count: > 0 })
            html.Append($"<polyline class=\"compared\" points=\"{Points(compared)}\" vector-effect=\"non-scaling-stroke\"/>");
        if (rows.Count > 0)
        {
            html.Append($"<polygon class=\"area\" points=\"0,{N(Height)} {Points(rows)} {N(X(rows.Count - 1, rows.Count))},{N(Height)}\"/>");
            html.Append($"<polyline class=\"line\" points=\"{Points(rows)}\" vector-effect=\"non-scaling-stroke\"/>");
            var step = rows.Count <= 1 ? Width : Width / (rows.Count - 1);
            for (var i = 0; i < rows.Count; i++)
            {
                var x = Math.Max(0, X(i, rows.Count) - step / 2);
                var w = Math.Min(Width, X(i, rows.Count) + step / 2) - x;
                var tip = $"{BucketText(rows[i].Dimensions[0], data.Interval)}: {NumberText.Format(rows[i].Figures[0], Metric.Visitors, privacy)} visitors";
                if (compared is not null && i < compared.Count)
                    tip += $" (compared: {NumberText.Format(compared[i].Figures[0], Metric.Visitors, privacy)})";
                html.Append($"<rect class=\"hit\" x=\"{N(x)}\" y=\"0\" width=\"{N(w)}\" height=\"{N(Height)}\"><title>{E(tip)}</title></rect>");
            }
        }
        html.Append("</svg><div class=\"x-axis\" aria-hidden=\"true\">");
        foreach (var i in LabelPositions(rows.Count)) html.Append($"<span>{E(BucketText(rows[i].Dimensions[0], data.Interval, brief: true))}</span>");
        html.Append("</div></div>");
        if (compared is not null) html.Append("<p class=\"legend\"><span class=\"key now\"></span>This period <span class=\"key then\"></span>Compared period</p>");
        html.Append($"<table class=\"visually-hidden\" id=\"graph-data\"><caption>Visitors per {unit}</caption><thead><tr><th scope=\"col\">{E(Capitalised(unit))}</th><th scope=\"col\">Visitors</th>");
        if (compared is not null) html.Append("<th scope=\"col\">Compared</th>");
        html.Append("</tr></thead><tbody>");
        for (var i = 0; i < rows.Count; i++)
        {
            html.Append($"<tr><th scope=\"row\">{E(BucketText(rows[i].Dimensions[0], data.Interval))}</th><td>{E(NumberText.Format(rows[i].Figures[0], Metric.Visitors, privacy))}</td>");
            if (compared is not null) html.Append($"<td>{(i < compared.Count ? E(NumberText.Format(compared[i].Figures[0], Metric.Visitors, privacy)) : "")}</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table></figure>");
    }

    /// <summary>The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above <paramref name="value"/> (at least 4, so small sites get whole ticks).</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 4) return 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
            if (step * magnitude >= value) return step * magnitude;
        return 10 * magnitude;
    }

    private static string TickText(double value) =>
        value >= 10_000 ? (value / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k" : value.ToString("#,0.#", CultureInfo.InvariantCulture);

    /// <summary>At most six evenly spaced label positions, always including the first and last bucket.</summary>
    private static IEnumerable<int> LabelPositions(int count)
    {
        if (count == 0) yield break;
        var labels = Math.Min(count, 6);
        if (labels == 1)
        {
            yield return 0;
            yield break;
        }
        for (var i = 0; i < labels; i++) yield return (int)Math.Round(i * (count - 1) / (double)(labels - 1));
    }

    private static string IntervalName(Interval interval) => interval.ToString().ToLowerInvariant();

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A bucket's time as people read it: "14:05", "Tue 3 Nov", "Nov 2026" (brief: shorter, for the axis).</summary>
    public static string BucketText(string iso, Interval interval, bool brief = false)
    {
        if (!DateTime.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)) return iso;
        var c = CultureInfo.InvariantCulture;
        return interval switch
        {
            Interval.Minute => t.ToString("HH:mm", c),
            Interval.Hour => brief ? t.ToString("HH:mm", c) : t.ToString("ddd d MMM, HH:mm", c),
            Interval.Day => brief ? t.ToString("d MMM", c) : t.ToString("ddd d MMM yyyy", c),
            Interval.Week => brief ? t.ToString("d MMM", c) : "Week of " + t.ToString("d MMM yyyy", c),
            _ => brief ? t.ToString("MMM yy", c) : t.ToString("MMMM yyyy", c),
        };
    }
}
