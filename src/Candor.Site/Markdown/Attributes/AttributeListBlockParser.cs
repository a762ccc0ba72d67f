using System.Text.RegularExpressions;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Candor.Site.Markdown.Attributes;

/// <summary>
/// Recognises a whole line <c>{: …}</c> (block IAL) or <c>{:name: …}</c> (ALD). It may interrupt a
/// paragraph because kramdown lets an IAL sit on the line right after the paragraph it belongs to.
/// </summary>
internal sealed partial class AttributeListBlockParser : BlockParser
{
    [GeneratedRegex(@"^\{:(?:(?<name>[\w-]+):)?(?<body>(?:\\\}|[^}])*)\}[ \t]*$")]
    private static partial Regex LineRegex();

    public AttributeListBlockParser()
    {
        OpeningCharacters = ['{'];
    }

    public override bool CanInterrupt(BlockProcessor processor, Block block) => true;

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
            return BlockState.None;
        var line = processor.Line.ToString();
        var m = LineRegex().Match(line);
        if (!m.Success)
            return BlockState.None;
        // "{::comment}" and friends are kramdown extensions, not attribute lists.
        if (m.Groups["body"].Value.StartsWith(':'))
            return BlockState.None;
        processor.NewBlocks.Push(new AttributeListBlock(this)
        {
            Body = m.Groups["body"].Value,
            DefinitionName = m.Groups["name"].Success ? m.Groups["name"].Value : null,
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(processor.Line.Start, processor.Line.End),
        });
        return BlockState.BreakDiscard;
    }
}
