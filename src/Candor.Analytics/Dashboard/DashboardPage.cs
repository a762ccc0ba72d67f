using System.Globalization;
using System.Text;
using Candor.Analytics.Query;
using static Candor.Analytics.Dashboard.Markup;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// The whole dashboard document: header (site, current visitors, period picker, compare), filter chips, notices, top
/// stats, the graph, the six panels and the footer (export, the k-anonymity note). Plain HTML and links throughout,
/// so it works with JavaScript off; the stylesheet and the one small script are files from the same origin (the site's
/// CSP allows no inline script).
/// </summary>
public static class DashboardPage
{
    /// <summary>Where the live-refresh script asks for the current visitors (relative to the base path).</summary>
    public const string CurrentVisitorsSuffix = "/current-visitors";
    public const string ExportSuffix = "/export";

    public static string Render(DashboardData data, DashboardAssets assets, int rowsPerPanel)
    {
        var html = new StringBuilder(32_768);
        var state = data.State;
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"robots\" content=\"noindex\">");
        html.Append($"<title>{E(data.Site)} · {E(PeriodLabel(state, data.Range))} · Statistics</title>");
        // An empty icon: otherwise every view asks the site for /favicon.ico, which it may not have.
        html.Append($"<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"{E(assets.StylesheetPath)}\">");
        html.Append($"<script defer src=\"{E(assets.ScriptPath)}\"></script></head><body>");
        html.Append("<a class=\"skip\" href=\"#main\">Skip to the statistics</a>");
        Header(html, data);
        html.Append("<main id=\"main\">");
        Filters(html, data);
        Problems(html, data);
        TopStats.Render(html, data);
        MainGraph.Render(html, data);
        html.Append("<div class=\"panels\">");
        foreach (var view in data.Panels) PanelHtml.Render(html, data, view, rowsPerPanel);
        html.Append("</div></main>");
        Footer(html, data);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Header(StringBuilder html, DashboardData data)
    {
        var state = data.State;
        html.Append("<header class=\"top\"><div class=\"site\">");
        html.Append($"<h1><a href=\"{E((state with { Filters = [], Tabs = new Dictionary<string, string>(), More = null, PropertyKey = null }).Href())}\">{E(data.Site)}</a></h1>");
        var live = NumberText.Format(data.CurrentVisitors, Metric.Visitors, data.Privacy);
        var one = data.CurrentVisitors is { Hidden: false, Value: 1 };
        html.Append($"<a class=\"live\" href=\"{E(state.WithPeriod("realtime").Href())}\" data-live-url=\"{E(state.Href(CurrentVisitorsSuffix))}\">");
        html.Append($"<span class=\"dot\" aria-hidden=\"true\"></span><span class=\"live-count\">{E(live)}</span> <span class=\"live-unit\">current visitor{(one ? "" : "s")}</span></a>");
        html.Append("</div><div class=\"controls\">");
        PeriodPicker(html, data);
        if (state.Period is not ("realtime" or "all"))
        {
            var on = state.Compare != Comparison.None;
            html.Append($"<a class=\"toggle\" role=\"switch\" aria-checked=\"{(on ? "true" : "false")}\" href=\"{E((state with { Compare = on ? Comparison.None : Comparison.PreviousPeriod }).Href())}\">");
            html.Append($"Compare{(state.Compare == Comparison.YearOverYear ? ": year over year" : "")}</a>");
            if (on && state.Compare != Comparison.YearOverYear)
                html.Append($"<a class=\"toggle subtle\" href=\"{E((state with { Compare = Comparison.YearOverYear }).Href())}\">Year over year</a>");
        }
        html.Append("</div></header>");
    }

    private static void PeriodPicker(StringBuilder html, DashboardData data)
    {
        var state = data.State;
        html.Append($"<details class=\"picker\"><summary aria-label=\"Period: {E(PeriodLabel(state, data.Range))}\">{E(PeriodLabel(state, data.Range))}</summary><div class=\"menu\">");
        html.Append("<ul role=\"list\">");
        foreach (var period in Query.Period.Names.Where(p => p != "custom"))
        {
            var current = state.Period == period && state.Date is null;
            html.Append($"<li><a href=\"{E(state.WithPeriod(period).Href())}\"{(current ? " aria-current=\"true\"" : "")} data-period=\"{period}\">{E(Names(period))}</a></li>");
        }
        html.Append("</ul>");
        html.Append($"<form class=\"custom\" method=\"get\" action=\"{E(state.BasePath)}\"><fieldset><legend>Custom range</legend>");
        HiddenInputs(html, state, "period", "date", "from", "to", "more");
        html.Append("<input type=\"hidden\" name=\"period\" value=\"custom\">");
        var from = state.From ?? DateOnly.FromDateTime(data.Range.From);
        var to = state.To ?? DateOnly.FromDateTime(data.Range.To.AddTicks(-1));
        html.Append($"<label>From <input type=\"date\" name=\"from\" required value=\"{DashboardState.Iso(from)}\"></label>");
        html.Append($"<label>To <input type=\"date\" name=\"to\" required value=\"{DashboardState.Iso(to)}\"></label>");
        html.Append("<button type=\"submit\">Apply</button></fieldset></form></div></details>");
    }

    /// <summary>The picker's names for the periods.</summary>
    public static string Names(string period) => period switch
    {
        "realtime" => "Realtime",
        "day" => "Today",
        "7d" => "Last 7 days",
        "28d" => "Last 28 days",
        "30d" => "Last 30 days",
        "91d" => "Last 91 days",
        "month" => "This month",
        "6mo" => "Last 6 months",
        "12mo" => "Last 12 months",
        "year" => "This year",
        "all" => "All time",
        _ => "Custom range",
    };

    private static string PeriodLabel(DashboardState state, DateRange range)
    {
        var c = CultureInfo.InvariantCulture;
        if (state.Period == "custom" && state.From is { } from && state.To is { } to)
            return $"{from.ToString("d MMM yyyy", c)} – {to.ToString("d MMM yyyy", c)}";
        if (state.Date is { } date)
            return state.Period switch
            {
                "day" => date.ToString("ddd d MMM yyyy", c),
                "month" => date.ToString("MMMM yyyy", c),
                "year" => date.ToString("yyyy", c),
                _ => Names(state.Period),
            };
        return Names(state.Period);
    }

    private static void Filters(StringBuilder html, DashboardData data)
    {
        if (data.Filters.Count == 0) return;
        html.Append("<nav class=\"filters\" aria-label=\"Active filters\"><ul role=\"list\">");
        foreach (var filter in data.Filters)
        {
            var text = DashboardFilter.Describe(filter);
            html.Append($"<li><a class=\"chip\" href=\"{E(data.State.WithoutFilter(filter).Href())}\" aria-label=\"Remove filter: {E(text)}\" data-filter=\"{E(DashboardFilter.Format(filter))}\">");
            html.Append($"{E(text)} <span class=\"x\" aria-hidden=\"true\">×</span></a></li>");
        }
        if (data.Filters.Count > 1)
            html.Append($"<li><a class=\"clear\" href=\"{E((data.State with { Filters = [] }).Href())}\">Clear all</a></li>");
        html.Append("</ul></nav>");
    }

    private static void Problems(StringBuilder html, DashboardData data)
    {
        if (data.Problems.Count == 0) return;
        html.Append("<div class=\"notice\" role=\"status\"><p>Part of this address was not used:</p><ul>");
        foreach (var problem in data.Problems) html.Append($"<li>{E(problem)}</li>");
        html.Append("</ul></div>");
    }

    private static void Footer(StringBuilder html, DashboardData data)
    {
        html.Append("<footer class=\"foot\">");
        html.Append($"<a class=\"export\" href=\"{E((data.State with { More = null }).Href(ExportSuffix))}\" download>Export CSV</a>");
        if (!data.Privacy.IsExact)
            html.Append($"<p class=\"kanon\">To protect individual visitors, numbers describing fewer than {data.Privacy.K} visitors are shown as “&lt; {data.Privacy.K}”, and smaller rows are grouped as “{KAnonymity.Other}”.</p>");
        else
            html.Append("<p class=\"kanon\">Exact figures: you are viewing as the site's owner.</p>");
        html.Append("<p>Cookieless statistics by Candor: no personal data, no tracking across sites.</p></footer>");
    }
}
