using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Candor.Site.Markdown.Html;

/// <summary>Span HTML (e.g. <c>&lt;br&gt;</c> inside a paragraph) re-serialised like kramdown does.</summary>
internal sealed class KramdownHtmlInlineRenderer : HtmlObjectRenderer<HtmlInline>
{
    protected override void Write(HtmlRenderer renderer, HtmlInline obj) =>
        renderer.Write(HtmlTagNormalizer.Normalize(obj.Tag));
}
