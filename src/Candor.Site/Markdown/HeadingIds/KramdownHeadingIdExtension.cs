using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Candor.Site.Markdown.Attributes;

namespace Candor.Site.Markdown.HeadingIds;

/// <summary>
/// Gives every heading without an explicit id (<c>{#id}</c> or an IAL) kramdown's GFM-style auto id.
/// Runs after the attribute list extension, so explicit ids are already in place and, as in
/// kramdown, do not take part in duplicate counting.
/// </summary>
internal sealed class KramdownHeadingIdExtension(string prefix) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed += AssignIds;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private void AssignIds(MarkdownDocument document)
    {
        var generator = new HeadingIdGenerator(prefix);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (KramdownAttributes.Find(heading)?.Has("id") == true)
                continue;
            var id = generator.Generate(HeadingText.Of(heading));
            if (id.Length > 0)
                KramdownAttributes.Of(heading).Set("id", id);
        }
    }
}
