using System.Text;

namespace Candor.Site.Markdown.Rendering;

/// <summary>
/// kramdown escapes text and code with only <c>&amp; &lt; &gt;</c> (quotes stay literal, since
/// entity_output is as_char), while attribute values additionally escape <c>"</c>.
/// Markdig's own WriteEscape also escapes quotes, so every renderer here goes through this instead.
/// </summary>
internal static class KramdownEscape
{
    public static string Text(ReadOnlySpan<char> text) => Escape(text, attribute: false);

    public static string Attribute(ReadOnlySpan<char> text) => Escape(text, attribute: true);

    private static string Escape(ReadOnlySpan<char> text, bool attribute)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"' when attribute: sb.Append("&quot;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
