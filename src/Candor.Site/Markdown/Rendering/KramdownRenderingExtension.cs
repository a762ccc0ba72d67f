using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;

namespace Candor.Site.Markdown.Rendering;

/// <summary>Swaps Markdig's CommonMark renderers for ones that write kramdown's HTML layout.</summary>
internal sealed class KramdownRenderingExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        var r = renderer.ObjectRenderers;
        r.ReplaceOrAdd<ParagraphRenderer>(new KramdownParagraphRenderer());
        r.ReplaceOrAdd<HeadingRenderer>(new KramdownHeadingRenderer());
        r.ReplaceOrAdd<ThematicBreakRenderer>(new KramdownThematicBreakRenderer());
        r.ReplaceOrAdd<QuoteBlockRenderer>(new KramdownQuoteRenderer());
        r.ReplaceOrAdd<ListRenderer>(new KramdownListRenderer());
        r.ReplaceOrAdd<Markdig.Extensions.DefinitionLists.HtmlDefinitionListRenderer>(new KramdownDefinitionListRenderer());
        r.ReplaceOrAdd<Markdig.Extensions.Tables.HtmlTableRenderer>(new KramdownTableRenderer());
        r.ReplaceOrAdd<LiteralInlineRenderer>(new KramdownLiteralRenderer());
        r.ReplaceOrAdd<HtmlEntityInlineRenderer>(new KramdownEntityRenderer());
        r.ReplaceOrAdd<LineBreakInlineRenderer>(new KramdownLineBreakRenderer());
        r.ReplaceOrAdd<EmphasisInlineRenderer>(new KramdownEmphasisRenderer());
        r.ReplaceOrAdd<LinkInlineRenderer>(new KramdownLinkRenderer());
        r.ReplaceOrAdd<AutolinkInlineRenderer>(new KramdownAutolinkRenderer());
    }
}
