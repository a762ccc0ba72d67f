using System.Globalization;
using Candor.Analytics.Query;

namespace Candor.Analytics.Dashboard;

/// <summary>How the dashboard writes a <see cref="Figure"/> of each metric: "1,234", "1.5", "42%", "2m 05s", "&lt; 5".</summary>
public static class NumberText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The figure as text; a withheld count reads "&lt; k", a withheld rate or duration a dash.</summary>
    public static string Format(Figure figure, Metric metric, KAnonymity privacy)
    {
        if (figure.Hidden) return KAnonymity.IsCount(metric) ? $"< {privacy.K}" : "–";
        if (figure.Value is not { } value) return "–";
        return metric switch
        {
            Metric.BounceRate => Math.Round(value).ToString("0", Invariant) + "%",
            Metric.ConversionRate or Metric.Percentage => value.ToString("0.#", Invariant) + "%",
            Metric.ViewsPerVisit => value.ToString("0.##", Invariant),
            Metric.VisitDuration or Metric.TimeOnPage => Duration(value),
            _ => Math.Round(value).ToString("#,0", Invariant),
        };
    }

    /// <summary>Seconds as "45s", "2m 05s", "1h 02m".</summary>
    public static string Duration(double seconds)
    {
        var s = (long)Math.Round(seconds);
        if (s < 60) return $"{s}s";
        if (s < 3600) return $"{s / 60}m {s % 60:00}s";
        return $"{s / 3600}h {s / 60 % 60:00}m";
    }

    /// <summary>A metric's name on the top stats and in column headings.</summary>
    public static string Label(Metric metric, bool goalFilter = false) => metric switch
    {
        Metric.Visitors => goalFilter ? "Unique conversions" : "Unique visitors",
        Metric.Visits => "Total visits",
        Metric.Pageviews => "Total pageviews",
        Metric.ViewsPerVisit => "Views per visit",
        Metric.BounceRate => "Bounce rate",
        Metric.VisitDuration => "Visit duration",
        Metric.Events => goalFilter ? "Total conversions" : "Events",
        Metric.ConversionRate => "Conversion rate",
        Metric.Percentage => "Share",
        _ => "Time on page",
    };

    /// <summary>A short column heading for panels.</summary>
    public static string Column(Metric metric) => metric switch
    {
        Metric.Visitors => "Visitors",
        Metric.Visits => "Visits",
        // Short enough for two number columns on a phone.
        Metric.Pageviews => "Views",
        Metric.Events => "Events",
        Metric.ConversionRate => "CR",
        _ => Label(metric),
    };
}
