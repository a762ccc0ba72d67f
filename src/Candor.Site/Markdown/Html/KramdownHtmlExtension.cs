using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;

namespace Candor.Site.Markdown.Html;

/// <summary>kramdown's raw HTML round trip for block and span HTML, including <c>markdown="1"</c>.</summary>
internal sealed class KramdownHtmlExtension(Func<string, int, string> convertNested) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.BlockParsers.Replace<Markdig.Parsers.HtmlBlockParser>(new KramdownHtmlBlockParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        renderer.ObjectRenderers.ReplaceOrAdd<HtmlBlockRenderer>(new KramdownHtmlBlockRenderer(convertNested));
        renderer.ObjectRenderers.ReplaceOrAdd<HtmlInlineRenderer>(new KramdownHtmlInlineRenderer());
    }
}
