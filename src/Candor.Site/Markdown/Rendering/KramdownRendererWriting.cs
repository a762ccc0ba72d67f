using Candor.Site.Markdown.Attributes;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Candor.Site.Markdown.Rendering;

/// <summary>Chainable write helpers (extension methods, because HtmlRenderer.Write returns the base type).</summary>
internal static class KramdownRendererWriting
{
    public static HtmlRenderer WriteIndent(this HtmlRenderer r)
    {
        r.Write(new string(' ', ((KramdownHtmlRenderer)r).Indent));
        return r;
    }

    public static HtmlRenderer WriteText(this HtmlRenderer r, ReadOnlySpan<char> text)
    {
        r.Write(KramdownEscape.Text(text));
        return r;
    }

    /// <summary>Writes <c> key="value"</c> pairs: the given ones first, then the element's IAL attributes.</summary>
    public static HtmlRenderer WriteKramdownAttributes(this HtmlRenderer r, MarkdownObject obj, params ReadOnlySpan<KeyValuePair<string, string>> own)
    {
        var attrs = new KramdownAttributes();
        foreach (var kv in own)
            attrs.Set(kv.Key, kv.Value);
        if (KramdownAttributes.Find(obj) is { } ial)
            attrs.MergeFrom(ial);
        foreach (var kv in attrs.Items)
            r.Write(' ').Write(kv.Key).Write("=\"").Write(KramdownEscape.Attribute(kv.Value)).Write('"');
        return r;
    }
}
