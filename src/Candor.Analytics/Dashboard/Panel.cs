using Candor.Analytics.Query;

namespace Candor.Analytics.Dashboard;

/// <summary>One tab of a panel: what it breaks down by, the heading of its name column, and the metrics it shows.</summary>
/// <param name="Id">The tab's name in the URL (<c>panel=sources:utm_medium</c>).</param>
public sealed record PanelTab(string Id, string Label, Dimension Dimension, string Column, IReadOnlyList<Metric> Metrics, IReadOnlyList<Filter>? ExtraFilters = null);

/// <summary>
/// A box of the dashboard (Sources, Pages, Locations, Devices, Goals, Properties) and its tabs. Which tab shows is the
/// URL's choice (<c>panel=ID:TAB</c>), except that a filter on a row drills down: a source filter shows that
/// source's referrers, a browser (OS) filter its versions.
/// </summary>
public sealed record Panel(string Id, string Title, IReadOnlyList<PanelTab> Tabs)
{
    private static readonly Metric[] Visitors = [Metric.Visitors];

    private static PanelTab Tab(string id, string label, string dimension, string column, params Metric[] metrics) =>
        new(id, label, Dimension.Parse(dimension), column, metrics.Length == 0 ? Visitors : metrics);

    public static readonly Panel Sources = new("sources", "Top sources",
    [
        Tab("channels", "Channels", "visit:channel", "Channel"),
        Tab("sources", "Sources", "visit:source", "Source"),
        Tab("utm_medium", "UTM medium", "visit:utm_medium", "UTM medium"),
        Tab("utm_source", "UTM source", "visit:utm_source", "UTM source"),
        Tab("utm_campaign", "UTM campaign", "visit:utm_campaign", "UTM campaign"),
        Tab("utm_content", "UTM content", "visit:utm_content", "UTM content"),
        Tab("utm_term", "UTM term", "visit:utm_term", "UTM term"),
    ]);

    /// <summary>The drill-down of a source: shown instead of the tabs when the URL filters by one source.</summary>
    public static readonly PanelTab Referrers = Tab("referrers", "Referrers", "visit:referrer", "Referrer");

    public static readonly Panel Pages = new("pages", "Top pages",
    [
        Tab("top", "Top pages", "event:page", "Page", Metric.Visitors, Metric.Pageviews),
        Tab("entry", "Entry pages", "visit:entry_page", "Entry page", Metric.Visitors, Metric.Visits),
        Tab("exit", "Exit pages", "visit:exit_page", "Exit page", Metric.Visitors, Metric.Visits),
    ]);

    public static readonly Panel Locations = new("locations", "Locations", [Tab("countries", "Countries", "visit:country", "Country")]);

    public static readonly Panel Devices = new("devices", "Devices",
    [
        Tab("browser", "Browser", "visit:browser", "Browser"),
        Tab("os", "OS", "visit:os", "Operating system"),
        Tab("size", "Size", "visit:device", "Device"),
    ]);

    public static readonly PanelTab BrowserVersions = Tab("browser_version", "Browser versions", "visit:browser_version", "Version");
    public static readonly PanelTab OsVersions = Tab("os_version", "OS versions", "visit:os_version", "Version");

    public static readonly Panel Goals = new("goals", "Goal conversions",
        [Tab("goals", "Goals", "event:goal", "Goal", Metric.Visitors, Metric.Events, Metric.ConversionRate)]);

    /// <summary>Without configured goals the Goals panel lists the custom events (everything but pageviews and engagement).</summary>
    public static readonly PanelTab CustomEvents = Tab("events", "Custom events", "event:name", "Event", Metric.Visitors, Metric.Events) with
    {
        ExtraFilters = [new Filter(FilterOperator.IsNot, Dimension.Parse("event:name"), ["pageview", "engagement"])],
    };

    /// <summary>
    /// Properties has one tab per key; the key comes from the URL (<c>prop=plan</c>). Only events that carry the key
    /// count: otherwise every pageview would pile up in a "(none)" row.
    /// </summary>
    public static PanelTab Property(string key)
    {
        var dimension = Dimension.Parse("event:props:" + key);
        return new PanelTab("prop", $"Property {key}", dimension, key, [Metric.Visitors, Metric.Events], [new Filter(FilterOperator.IsNot, dimension, ["(none)"])]);
    }

    public static readonly Panel Properties = new("props", "Properties", []);

    public static IReadOnlyList<Panel> All { get; } = [Sources, Pages, Locations, Devices, Goals, Properties];

    /// <summary>The keys offered before the visitor types one: those Candor's own special events carry.</summary>
    public static IReadOnlyList<string> KnownPropertyKeys { get; } = ["url", "path"];
}
