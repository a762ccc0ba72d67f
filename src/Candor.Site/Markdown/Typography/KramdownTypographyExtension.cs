using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace Candor.Site.Markdown.Typography;

/// <summary>kramdown's smart quotes and typographic symbols (on by default in Jekyll).</summary>
internal sealed class KramdownTypographyExtension(KramdownTypography typography) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (pipeline.InlineParsers.Contains<TypographyInlineParser>())
            return;
        // After autolinks and raw HTML, which also start with '<', and before plain literals.
        var literalIndex = pipeline.InlineParsers.FindIndex(p => p is LiteralInlineParser);
        var parser = new TypographyInlineParser(typography);
        if (literalIndex >= 0)
            pipeline.InlineParsers.Insert(literalIndex, parser);
        else
            pipeline.InlineParsers.Add(parser);
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
