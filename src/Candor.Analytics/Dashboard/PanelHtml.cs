using System.Text;
using Candor.Analytics.Query;
using static Candor.Analytics.Dashboard.Markup;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// One panel as HTML: its tabs (links), a drill-down heading when a filter chose the tab, and a table whose names are
/// filter links with a bar for their share. The "(other)" row of folded rows is plain text: it cannot be filtered by.
/// </summary>
public static class PanelHtml
{
    public static void Render(StringBuilder html, DashboardData data, PanelView view, int rowsShown)
    {
        var (panel, tab, result) = (view.Panel, view.Tab, view.Result);
        var state = data.State;
        html.Append($"<section class=\"panel\" id=\"panel-{panel.Id}\" aria-labelledby=\"title-{panel.Id}\" data-tab=\"{E(tab.Id)}\">");
        html.Append($"<header><h2 id=\"title-{panel.Id}\">{E(panel.Title)}</h2>");
        Tabs(html, state, panel, tab);
        html.Append("</header>");
        Drill(html, data, panel, tab);
        if (panel == Panel.Properties) PropertyPicker(html, state, tab);

        var full = state.More == panel.Id;
        var rows = result.Rows.Where(r => !r.Folded).Take(full ? int.MaxValue : rowsShown).ToList();
        var other = result.Rows.FirstOrDefault(r => r.Folded);
        if (rows.Count == 0 && other is null)
        {
            html.Append("<p class=\"empty\">No data for this period</p></section>");
            return;
        }
        var max = result.Rows.Select(r => Plotted(r.Figures[0], data.Privacy)).DefaultIfEmpty(1).Max();
        html.Append($"<table><caption class=\"visually-hidden\">{E(panel.Title)}: {E(tab.Label)}</caption><thead><tr><th scope=\"col\">{E(tab.Column)}</th>");
        foreach (var metric in tab.Metrics) html.Append($"<th scope=\"col\" class=\"num\">{E(NumberText.Column(metric))}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows) Row(html, data, tab, row, max);
        if (other is not null) Row(html, data, tab, other, max);
        html.Append("</tbody></table>");
        var more = result.Rows.Count(r => !r.Folded) > rows.Count;
        if (more) html.Append($"<a class=\"more\" href=\"{E((state with { More = panel.Id }).Href())}#panel-{panel.Id}\">More</a>");
        else if (full) html.Append($"<a class=\"more\" href=\"{E((state with { More = null }).Href())}#panel-{panel.Id}\">Fewer</a>");
        html.Append("</section>");
    }

    private static double Plotted(Figure figure, KAnonymity privacy) => figure.Hidden ? privacy.K / 2.0 : figure.Value ?? 0;

    private static void Row(StringBuilder html, DashboardData data, PanelTab tab, ShownRow row, double max)
    {
        var value = row.Dimensions[0];
        var isCountry = tab.Dimension.Name == "visit:country";
        var name = row.Folded ? KAnonymity.Other : isCountry ? CountryNames.Name(value) : value.Length == 0 ? "(none)" : value;
        var width = max <= 0 ? 0 : Plotted(row.Figures[0], data.Privacy) / max * 100;
        html.Append($"<tr{(row.Folded ? " class=\"folded\"" : "")}><th scope=\"row\" class=\"name\">");
        html.Append($"<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect width=\"{N(width)}\" height=\"10\"/></svg>");
        // The code as a badge rather than a flag emoji: Windows and many Linux systems have no flag glyphs.
        var flag = isCountry && !row.Folded ? $"<span class=\"cc\" aria-hidden=\"true\">{E(value.ToUpperInvariant())}</span>" : "";
        if (row.Folded)
            html.Append($"<span class=\"label\" title=\"rows with fewer than {data.Privacy.K} visitors each, together\">{E(name)}</span>");
        else
        {
            var href = data.State.WithFilter(new Filter(FilterOperator.Is, tab.Dimension, [value])).Href();
            html.Append($"<a class=\"label\" href=\"{E(href)}\" title=\"Filter: {E(DashboardFilter.DimensionLabel(tab.Dimension))} is {E(name)}\">{flag}{E(name)}</a>");
        }
        html.Append("</th>");
        for (var i = 0; i < tab.Metrics.Count; i++)
            html.Append($"<td class=\"num\" data-metric=\"{tab.Metrics[i].Name()}\">{E(NumberText.Format(row.Figures[i], tab.Metrics[i], data.Privacy))}</td>");
        html.Append("</tr>");
    }

    private static void Tabs(StringBuilder html, DashboardState state, Panel panel, PanelTab current)
    {
        if (panel.Tabs.Count <= 1) return;
        html.Append($"<nav class=\"tabs\" aria-label=\"{E(panel.Title)} views\">");
        var utm = panel == Panel.Sources && current.Id.StartsWith("utm_", StringComparison.Ordinal);
        foreach (var tab in panel.Tabs)
        {
            // The five UTM tabs share one "UTM" tab; its own row below picks the parameter.
            if (tab.Id.StartsWith("utm_", StringComparison.Ordinal) && tab.Id != "utm_medium") continue;
            var label = tab.Id == "utm_medium" ? "UTM" : tab.Label;
            var selected = tab.Id == current.Id || (tab.Id == "utm_medium" && utm) || (current == Panel.BrowserVersions && tab.Id == "browser") || (current == Panel.OsVersions && tab.Id == "os") || (current == Panel.Referrers && tab.Id == "sources");
            html.Append($"<a href=\"{E(state.WithTab(panel.Id, tab.Id).Href())}#panel-{panel.Id}\"{(selected ? " aria-current=\"true\"" : "")}>{E(label)}</a>");
        }
        html.Append("</nav>");
        if (!utm) return;
        html.Append("<nav class=\"subtabs\" aria-label=\"UTM parameter\">");
        foreach (var tab in panel.Tabs.Where(t => t.Id.StartsWith("utm_", StringComparison.Ordinal)))
            html.Append($"<a href=\"{E(state.WithTab(panel.Id, tab.Id).Href())}#panel-{panel.Id}\"{(tab.Id == current.Id ? " aria-current=\"true\"" : "")}>{E(tab.Label[4..])}</a>");
        html.Append("</nav>");
    }

    /// <summary>"Referrers of Google ← all sources": the drill-down a filter chose, with the way back.</summary>
    private static void Drill(StringBuilder html, DashboardData data, Panel panel, PanelTab tab)
    {
        var parent = tab == Panel.Referrers ? "visit:source" : tab == Panel.BrowserVersions ? "visit:browser" : tab == Panel.OsVersions ? "visit:os" : null;
        if (parent is null || data.Filters.FirstOrDefault(f => f.Dimension.Name == parent) is not { } filter) return;
        html.Append($"<p class=\"drill\">{E(tab.Label)} of <strong>{E(string.Join(", ", filter.Values))}</strong> · ");
        html.Append($"<a href=\"{E(data.State.WithoutFilter(filter).Href())}#panel-{panel.Id}\">all</a></p>");
    }

    private static void PropertyPicker(StringBuilder html, DashboardState state, PanelTab tab)
    {
        html.Append("<form class=\"prop-picker\" method=\"get\" action=\"").Append(E(state.BasePath)).Append("\" role=\"search\">");
        HiddenInputs(html, state, "prop", "more");
        html.Append($"<label for=\"prop-key\">Property</label><input id=\"prop-key\" name=\"prop\" list=\"prop-keys\" value=\"{E(tab.Column)}\" autocomplete=\"off\" spellcheck=\"false\">");
        html.Append("<datalist id=\"prop-keys\">");
        foreach (var key in Panel.KnownPropertyKeys) html.Append($"<option value=\"{E(key)}\">");
        html.Append("</datalist><button type=\"submit\">Show</button></form>");
    }
}
