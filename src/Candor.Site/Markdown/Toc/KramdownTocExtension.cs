using Candor.Site.Markdown.Attributes;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Candor.Site.Markdown.Toc;

/// <summary>
/// kramdown's <c>{:toc}</c>: the first list carrying the <c>toc</c> reference in its IAL is replaced by a
/// table of contents of the document's headings. Must be added after the attribute list and heading id
/// extensions, so the IAL reference and every heading id are in place when this runs.
/// </summary>
internal sealed class KramdownTocExtension(IReadOnlyCollection<int> levels) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed += MarkPlaceholder;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private void MarkPlaceholder(MarkdownDocument document)
    {
        foreach (var list in document.Descendants<ListBlock>())
        {
            if (KramdownAttributes.Find(list)?.References.Contains("toc") == true)
            {
                TocPlaceholder.Mark(list, levels);
                return; // kramdown only replaces the first one; later ones render as ordinary lists
            }
        }
    }
}
