using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers;

namespace Candor.Site.Markdown.Footnotes;

/// <summary>Markdig's footnote parsing with kramdown's footnote markup.</summary>
internal sealed class KramdownFootnoteExtension(int firstNumber) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Parsing comes from Markdig's FootnoteExtension, which must be added to the pipeline before this one.
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        renderer.ObjectRenderers.ReplaceOrAdd<HtmlFootnoteLinkRenderer>(new KramdownFootnoteLinkRenderer(firstNumber));
        renderer.ObjectRenderers.ReplaceOrAdd<HtmlFootnoteGroupRenderer>(new KramdownFootnoteGroupRenderer(firstNumber));
    }
}
