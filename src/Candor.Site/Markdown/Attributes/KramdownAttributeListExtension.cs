using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;

namespace Candor.Site.Markdown.Attributes;

/// <summary>kramdown's inline attribute lists (span and block) and attribute list definitions.</summary>
internal sealed class KramdownAttributeListExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<AttributeListBlockParser>())
            pipeline.BlockParsers.Insert(0, new AttributeListBlockParser());
        if (!pipeline.InlineParsers.Contains<SpanAttributeListParser>())
            pipeline.InlineParsers.Insert(0, new SpanAttributeListParser());
        pipeline.DocumentProcessed += AttributeListApplier.Apply;
        pipeline.DocumentProcessed += EmphasisAttributeLists.Apply;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
