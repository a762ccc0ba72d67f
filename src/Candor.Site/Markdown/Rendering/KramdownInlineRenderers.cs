using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Candor.Site.Markdown.Rendering;

/// <summary>Text escaped the kramdown way (quotes stay literal).</summary>
internal sealed class KramdownLiteralRenderer : HtmlObjectRenderer<LiteralInline>
{
    protected override void Write(HtmlRenderer renderer, LiteralInline obj) =>
        ((KramdownHtmlRenderer)renderer).WriteText(obj.Content.AsSpan());
}

/// <summary>entity_output: as_char — entities become their characters; only &amp; &lt; &gt; are escaped again.</summary>
internal sealed class KramdownEntityRenderer : HtmlObjectRenderer<HtmlEntityInline>
{
    protected override void Write(HtmlRenderer renderer, HtmlEntityInline obj) =>
        ((KramdownHtmlRenderer)renderer).WriteText(obj.Transcoded.AsSpan());
}

/// <summary>
/// Hard breaks are <c>&lt;br /&gt;</c> plus newline. At a soft break kramdown keeps a single trailing
/// space of the line (Markdig trims it), so that is recovered from the source.
/// </summary>
internal sealed class KramdownLineBreakRenderer : HtmlObjectRenderer<LineBreakInline>
{
    protected override void Write(HtmlRenderer renderer, LineBreakInline obj)
    {
        if (obj.IsHard)
        {
            renderer.Write("<br />");
        }
        else
        {
            var source = ((KramdownHtmlRenderer)renderer).Source;
            var newline = obj.Span.Start >= 0 && obj.Span.Start < source.Length ? source.IndexOf('\n', obj.Span.Start) : -1;
            var start = newline;
            while (start > 0 && source[start - 1] is ' ' or '\t')
                start--;
            if (newline > start)
                renderer.Write(source[start..newline]);
        }
        renderer.WriteLine();
    }
}

internal sealed class KramdownEmphasisRenderer : HtmlObjectRenderer<EmphasisInline>
{
    protected override void Write(HtmlRenderer renderer, EmphasisInline obj)
    {
        var r = (KramdownHtmlRenderer)renderer;
        var tag = obj.DelimiterChar == '~' ? "del" : obj.DelimiterCount >= 2 ? "strong" : "em";
        r.Write('<').Write(tag).WriteKramdownAttributes(obj).Write('>');
        r.WriteChildren(obj);
        r.Write("</").Write(tag).Write('>');
    }
}

/// <summary>Links and images with kramdown's attribute order: href/src, alt, title, then IAL attributes.</summary>
internal sealed class KramdownLinkRenderer : HtmlObjectRenderer<LinkInline>
{
    protected override void Write(HtmlRenderer renderer, LinkInline obj)
    {
        var r = (KramdownHtmlRenderer)renderer;
        var url = obj.GetDynamicUrl?.Invoke() ?? obj.Url ?? "";
        if (r.InTocEntry && !obj.IsImage)
        {
            r.WriteChildren(obj);
            return;
        }
        if (obj.IsImage)
        {
            var alt = new System.Text.StringBuilder();
            foreach (var child in obj)
                HeadingIds.HeadingText.Append(child, alt);
            var own = new List<KeyValuePair<string, string>> { new("src", url), new("alt", alt.ToString()) };
            if (!string.IsNullOrEmpty(obj.Title))
                own.Add(new("title", obj.Title));
            r.Write("<img").WriteKramdownAttributes(obj, [.. own]).Write(" />");
            return;
        }
        if (string.IsNullOrEmpty(obj.Title))
            r.Write("<a").WriteKramdownAttributes(obj, new KeyValuePair<string, string>("href", url));
        else
            r.Write("<a").WriteKramdownAttributes(obj, new("href", url), new("title", obj.Title));
        r.Write('>');
        r.WriteChildren(obj);
        r.Write("</a>");
    }
}

/// <summary>
/// kramdown's autolinks: <c>&lt;me@example.org&gt;</c> links to <c>mailto:</c> and, in kramdown 2.4, is not
/// obfuscated; a leading <c>mailto:</c> is dropped from the link text.
/// </summary>
internal sealed class KramdownAutolinkRenderer : HtmlObjectRenderer<AutolinkInline>
{
    protected override void Write(HtmlRenderer renderer, AutolinkInline obj)
    {
        var r = (KramdownHtmlRenderer)renderer;
        var href = obj.IsEmail ? "mailto:" + obj.Url : obj.Url;
        var text = obj.Url.StartsWith("mailto:", StringComparison.Ordinal) ? obj.Url["mailto:".Length..] : obj.Url;
        if (r.InTocEntry)
        {
            r.WriteText(text);
            return;
        }
        r.Write("<a").WriteKramdownAttributes(obj, new KeyValuePair<string, string>("href", href)).Write('>').WriteText(text).Write("</a>");
    }
}
