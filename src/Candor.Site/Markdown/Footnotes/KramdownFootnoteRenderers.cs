using Candor.Site.Markdown.Rendering;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Candor.Site.Markdown.Footnotes;

/// <summary>kramdown's footnote marker: <c>&lt;sup id="fnref:NAME" role="doc-noteref"&gt;</c>, numbered in reference order.</summary>
internal sealed class KramdownFootnoteLinkRenderer(int firstNumber) : HtmlObjectRenderer<FootnoteLink>
{
    protected override void Write(HtmlRenderer renderer, FootnoteLink link)
    {
        if (((KramdownHtmlRenderer)renderer).InTocEntry)
            return;
        var name = FootnoteName(link.Footnote);
        var number = link.Footnote.Order + firstNumber - 1;
        var refIndex = link.Footnote.Links.Where(l => !l.IsBackLink).ToList().IndexOf(link);
        var refId = refIndex > 0 ? $"fnref:{name}:{refIndex}" : $"fnref:{name}";
        if (link.IsBackLink)
        {
            // Markdig appends one back link per reference to the note's last paragraph, not to Footnote.Links.
            var backIndex = 0;
            for (var previous = link.PreviousSibling; previous is not null; previous = previous.PreviousSibling)
                if (previous is FootnoteLink { IsBackLink: true } other && other.Footnote == link.Footnote)
                    backIndex++;
            var target = backIndex > 0 ? $"fnref:{name}:{backIndex}" : $"fnref:{name}";
            var sup = backIndex > 0 ? $"<sup>{backIndex + 1}</sup>" : "";
            // kramdown's separator is a no-break space, except before the first back link in a paragraph
            // it had to append because the note did not end in one.
            renderer.Write(backIndex == 0 && link.PreviousSibling is null ? "" : "\u00A0")
                .Write($"<a href=\"#{target}\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;{sup}</a>");
            return;
        }
        renderer.Write($"<sup id=\"{refId}\" role=\"doc-noteref\"><a href=\"#fn:{name}\" class=\"footnote\" rel=\"footnote\">{number}</a></sup>");
    }

    public static string FootnoteName(Footnote footnote) => (footnote.Label ?? footnote.Order.ToString(System.Globalization.CultureInfo.InvariantCulture)).TrimStart('^');
}

/// <summary>The end-of-document <c>&lt;div class="footnotes" role="doc-endnotes"&gt;</c> list.</summary>
internal sealed class KramdownFootnoteGroupRenderer(int firstNumber) : HtmlObjectRenderer<FootnoteGroup>
{
    protected override void Write(HtmlRenderer renderer, FootnoteGroup group)
    {
        var r = (KramdownHtmlRenderer)renderer;
        r.WriteIndent().Write("<div class=\"footnotes\" role=\"doc-endnotes\">").WriteLine();
        r.Indent += 2;
        r.WriteIndent().Write(firstNumber == 1 ? "<ol>" : $"<ol start=\"{firstNumber}\">").WriteLine();
        r.Indent += 2;
        foreach (var block in group)
        {
            var footnote = (Footnote)block;
            r.WriteIndent().Write($"<li id=\"fn:{KramdownFootnoteLinkRenderer.FootnoteName(footnote)}\" role=\"doc-endnote\">").WriteLine();
            r.WriteChildren(footnote);
            r.WriteIndent().Write("</li>").WriteLine();
        }
        r.Indent -= 2;
        r.WriteIndent().Write("</ol>").WriteLine();
        r.Indent -= 2;
        r.WriteIndent().Write("</div>").WriteLine();
    }
}
