using System.Globalization;
using System.Net;
using System.Text;

namespace Candor.Analytics.Dashboard;

/// <summary>The few pieces of HTML writing every dashboard part shares: escaping and invariant numbers for SVG.</summary>
internal static class Markup
{
    /// <summary>Text or an attribute value, escaped (quotes included).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>An SVG coordinate: invariant, at most two decimals.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Hidden inputs carrying a state's parameters through a GET form, less those the form sets itself.</summary>
    public static void HiddenInputs(StringBuilder html, DashboardState state, params string[] except)
    {
        foreach (var (key, value) in state.Parameters())
            if (!except.Contains(key)) html.Append($"<input type=\"hidden\" name=\"{E(key)}\" value=\"{E(value)}\">");
    }
}
