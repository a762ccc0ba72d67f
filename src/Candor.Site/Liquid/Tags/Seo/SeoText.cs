using System.Text.RegularExpressions;

namespace Candor.Site.Liquid.Tags.Seo;

/// <summary>
/// The text clean-up jekyll-seo-tag applies to every title and description (its <c>format_string</c>):
/// <c>markdownify | strip_html | normalize_whitespace | escape_once</c>, with Ruby Liquid's definitions of the
/// last three (Fluid's <c>escape_once</c> would also encode non-ASCII letters).
/// </summary>
internal static partial class SeoText
{
    /// <summary>The cleaned text, or null when nothing is left (the gem then falls back to the next source).</summary>
    public static string? Format(ILiquidHost host, string? text)
    {
        var html = host.Markdownify(text ?? "");
        var plain = Whitespace().Replace(StripHtml(html), " ").Trim();
        var escaped = EscapeOnce(plain);
        return escaped.Length == 0 ? null : escaped;
    }

    /// <summary>Liquid's strip_html: scripts, styles and comments with their content, then every tag.</summary>
    public static string StripHtml(string html) => Tag().Replace(Blocks().Replace(html, ""), "");

    /// <summary>Liquid's escape_once: &amp; &lt; &gt; " ' escaped, except an <c>&amp;</c> that starts an entity.</summary>
    public static string EscapeOnce(string text) => EscapeOnceChars().Replace(text, m => m.Value switch
    {
        "&" => "&amp;",
        "<" => "&lt;",
        ">" => "&gt;",
        "\"" => "&quot;",
        _ => "&#39;",
    });

    [GeneratedRegex(@"<script.*?</script>|<!--.*?-->|<style.*?</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Blocks();
    [GeneratedRegex(@"<.*?>", RegexOptions.Singleline)]
    private static partial Regex Tag();
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
    [GeneratedRegex(@"[""><']|&(?!([a-zA-Z]+|(#\d+));)")]
    private static partial Regex EscapeOnceChars();
}
