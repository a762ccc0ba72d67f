using System.Globalization;
using System.IO.Compression;
using System.Text;
using Candor.Analytics.Query;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// Every panel as CSV in one zip, like Plausible's export: <c>visitors.csv</c> (the time series) and one file per
/// breakdown (<c>sources.csv</c>, <c>pages.csv</c>, <c>countries.csv</c>, …), for the view's range and filters. The
/// same <see cref="KAnonymity"/> as the view applies: a public or shared export folds and withholds exactly what the
/// page does (a withheld count is written <c>&lt;5</c>, a withheld rate left empty); the owner's export is exact.
/// </summary>
public sealed class CsvExport(IStatsQueries queries)
{
    private static readonly IReadOnlyList<Metric> SeriesMetrics = DashboardLoader.TrafficMetrics;
    private static readonly Metric[] Traffic = [Metric.Visitors, Metric.Visits, Metric.BounceRate, Metric.VisitDuration];

    /// <summary>The files, in zip order: name, dimension, metrics (and extra filters).</summary>
    public static readonly IReadOnlyList<(string File, string Dimension, Metric[] Metrics)> Files =
    [
        ("sources.csv", "visit:source", Traffic),
        ("channels.csv", "visit:channel", Traffic),
        ("referrers.csv", "visit:referrer", Traffic),
        ("utm_mediums.csv", "visit:utm_medium", Traffic),
        ("utm_sources.csv", "visit:utm_source", Traffic),
        ("utm_campaigns.csv", "visit:utm_campaign", Traffic),
        ("utm_contents.csv", "visit:utm_content", Traffic),
        ("utm_terms.csv", "visit:utm_term", Traffic),
        ("pages.csv", "event:page", [Metric.Visitors, Metric.Pageviews, Metric.TimeOnPage]),
        ("entry_pages.csv", "visit:entry_page", Traffic),
        ("exit_pages.csv", "visit:exit_page", [Metric.Visitors, Metric.Visits]),
        ("countries.csv", "visit:country", [Metric.Visitors]),
        ("browsers.csv", "visit:browser", [Metric.Visitors]),
        ("browser_versions.csv", "visit:browser_version", [Metric.Visitors]),
        ("operating_systems.csv", "visit:os", [Metric.Visitors]),
        ("operating_system_versions.csv", "visit:os_version", [Metric.Visitors]),
        ("devices.csv", "visit:device", [Metric.Visitors]),
    ];

    /// <summary>Writes the zip for <paramref name="request"/> (its range, filters, goals and privacy) to <paramref name="output"/>.</summary>
    public async Task WriteAsync(DashboardLoader.Request request, IReadOnlyList<Filter> filters, Stream output, CancellationToken cancellationToken = default)
    {
        var privacy = request.Privacy;
        StatsQuery Query(IReadOnlyList<Metric> metrics) => new()
        {
            Site = request.Site, Range = request.Range, Metrics = metrics, Filters = filters, Interval = request.Interval, Goals = request.Goals, Limit = request.FullRows,
        };
        var series = queries.QueryAsync(Query(SeriesMetrics) with { Dimensions = [Dimension.Parse("time")] }, cancellationToken);
        var breakdowns = Files.Select(f => (f.File, f.Metrics, Result: queries.QueryAsync(Query(f.Metrics) with { Dimensions = [Dimension.Parse(f.Dimension)] }, cancellationToken))).ToList();
        var conversionTab = request.Goals.Count > 0 ? Panel.Goals.Tabs[0] : Panel.CustomEvents;
        var conversions = queries.QueryAsync(Query(conversionTab.Metrics) with
        {
            Dimensions = [conversionTab.Dimension], Filters = [.. filters, .. conversionTab.ExtraFilters ?? []],
        }, cancellationToken);
        await Task.WhenAll([series, conversions, .. breakdowns.Select(b => b.Result)]);

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Write(zip, "visitors.csv", "date", SeriesMetrics, privacy.Series(series.Result, SeriesMetrics), privacy);
        foreach (var (file, metrics, result) in breakdowns)
            Write(zip, file, "name", metrics, privacy.Breakdown(result.Result, metrics), privacy);
        Write(zip, "conversions.csv", "name", conversionTab.Metrics, privacy.Breakdown(conversions.Result, conversionTab.Metrics), privacy);
    }

    private static void Write(ZipArchive zip, string name, string first, IReadOnlyList<Metric> metrics, ShownResult result, KAnonymity privacy)
    {
        var csv = new StringBuilder();
        csv.Append(first);
        foreach (var metric in metrics) csv.Append(',').Append(metric.Name());
        csv.Append("\r\n");
        foreach (var row in result.Rows)
        {
            csv.Append(Field(row.Dimensions[0]));
            for (var i = 0; i < metrics.Count; i++) csv.Append(',').Append(Value(row.Figures[i], metrics[i], privacy));
            csv.Append("\r\n");
        }
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(csv.ToString()));
    }

    private static string Value(Figure figure, Metric metric, KAnonymity privacy) =>
        figure.Hidden ? (KAnonymity.IsCount(metric) ? "<" + privacy.K.ToString(CultureInfo.InvariantCulture) : "")
        : figure.Value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula: referrers and
    /// property values come from visitors' requests, and <c>=HYPERLINK(…)</c> must stay text.
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
