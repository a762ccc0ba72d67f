using Markdig;
using Markdig.Renderers;
using Candor.Site.Markdown.Rendering;

namespace Candor.Site.Markdown.Code;

/// <summary>Rouge-style wrappers for code spans and code blocks.</summary>
internal sealed class KramdownCodeExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.CodeBlockRenderer>(new KramdownCodeBlockRenderer());
        renderer.ObjectRenderers.ReplaceOrAdd<Markdig.Renderers.Html.Inlines.CodeInlineRenderer>(new KramdownCodeInlineRenderer());
    }
}
