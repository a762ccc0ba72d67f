using System.Text.RegularExpressions;

namespace Candor.Site.Markdown.Typography;

/// <summary>
/// Jekyll's <c>smartify</c> runs kramdown's SmartyPants parser and HTML converter, so its output is HTML:
/// a bare <c>&amp;</c>, <c>&lt;</c> or <c>&gt;</c> in the text comes out escaped, while tags and entities
/// already written in the input are kept (<c>a &amp; b</c> → <c>a &amp;amp; b</c>, <c>&lt;b&gt;</c> stays).
/// Feeds and SEO titles go through <c>smartify | xml_escape</c>, where this shows.
/// </summary>
internal static partial class SmartifyHtml
{
    public static string Escape(string text) => Special().Replace(text, m =>
        m.Groups["keep"].Success ? m.Value : m.Value switch { "&" => "&amp;", "<" => "&lt;", _ => "&gt;" });

    [GeneratedRegex(@"(?<keep></?[a-zA-Z][^<>]*>|<!--.*?-->|&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);)|[&<>]")]
    private static partial Regex Special();
}
