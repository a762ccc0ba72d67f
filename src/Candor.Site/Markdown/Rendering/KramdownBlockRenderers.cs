using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Candor.Site.Markdown.Rendering;

/// <summary>kramdown's <c>&lt;p&gt;</c>: one line per paragraph, inline content as is.</summary>
internal sealed class KramdownParagraphRenderer : HtmlObjectRenderer<ParagraphBlock>
{
    protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
    {
        var r = (KramdownHtmlRenderer)renderer;
        if (obj.Parent is ListItemBlock item && item[0] == obj && TightListItems.IsTransparent(item, r.Document))
        {
            r.WriteLeafInline(obj);
            return;
        }
        r.WriteIndent().Write("<p").WriteKramdownAttributes(obj).Write('>');
        r.WriteLeafInline(obj);
        r.Write("</p>").WriteLine();
    }
}

/// <summary>kramdown's headings: attributes in IAL order (auto id last when added).</summary>
internal sealed class KramdownHeadingRenderer : HtmlObjectRenderer<HeadingBlock>
{
    protected override void Write(HtmlRenderer renderer, HeadingBlock obj)
    {
        var r = (KramdownHtmlRenderer)renderer;
        var tag = "h" + obj.Level;
        r.WriteIndent().Write('<').Write(tag).WriteKramdownAttributes(obj).Write('>');
        r.WriteLeafInline(obj);
        r.Write("</").Write(tag).Write('>').WriteLine();
    }
}

internal sealed class KramdownThematicBreakRenderer : HtmlObjectRenderer<ThematicBreakBlock>
{
    protected override void Write(HtmlRenderer renderer, ThematicBreakBlock obj)
    {
        var r = (KramdownHtmlRenderer)renderer;
        r.WriteIndent().Write("<hr").WriteKramdownAttributes(obj).Write(" />").WriteLine();
    }
}

internal sealed class KramdownQuoteRenderer : HtmlObjectRenderer<QuoteBlock>
{
    protected override void Write(HtmlRenderer renderer, QuoteBlock obj)
    {
        var r = (KramdownHtmlRenderer)renderer;
        r.WriteIndent().Write("<blockquote").WriteKramdownAttributes(obj).Write('>').WriteLine();
        r.WriteChildren(obj);
        r.WriteIndent().Write("</blockquote>").WriteLine();
    }
}

/// <summary>Lists and items, with kramdown's tight/loose decision made per item (see <see cref="TightListItems"/>).</summary>
internal sealed class KramdownListRenderer : HtmlObjectRenderer<ListBlock>
{
    protected override void Write(HtmlRenderer renderer, ListBlock obj)
    {
        var r = (KramdownHtmlRenderer)renderer;
        if (Toc.TocPlaceholder.Find(obj) is { } toc)
        {
            toc.Write(r, obj);
            return;
        }
        var tag = obj.IsOrdered ? "ol" : "ul";
        r.WriteIndent().Write('<').Write(tag);
        if (obj.IsOrdered && obj.OrderedStart is { } start && start != "1")
            r.WriteKramdownAttributes(obj, new KeyValuePair<string, string>("start", start));
        else
            r.WriteKramdownAttributes(obj);
        r.Write('>').WriteLine();
        r.Indent += 2;
        foreach (var child in obj)
            WriteItem(r, (ListItemBlock)child);
        r.Indent -= 2;
        r.WriteIndent().Write("</").Write(tag).Write('>').WriteLine();
    }

    private static void WriteItem(KramdownHtmlRenderer r, ListItemBlock item)
    {
        r.WriteIndent().Write("<li").WriteKramdownAttributes(item).Write('>');
        if (item.Count == 0)
        {
            r.Write("</li>").WriteLine();
            return;
        }
        if (item[0] is ParagraphBlock && TightListItems.IsTransparent(item, r.Document))
        {
            r.Render(item[0]);
            if (item.Count > 1)
            {
                r.WriteLine();
                r.WriteChildren(item, skip: 1);
                r.WriteIndent();
            }
        }
        else
        {
            r.WriteLine();
            r.WriteChildren(item);
            r.WriteIndent();
        }
        r.Write("</li>").WriteLine();
    }
}
