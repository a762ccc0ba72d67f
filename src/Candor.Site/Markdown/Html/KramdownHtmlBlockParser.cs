using System.Text.RegularExpressions;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Candor.Site.Markdown.Html;

/// <summary>
/// Two ways kramdown reads block HTML differently from CommonMark:
/// an HTML block (a comment such as <c>&lt;!--more--&gt;</c>, a <c>&lt;div&gt;</c>) never interrupts a
/// paragraph — Jekyll posts rely on that for excerpt separators on their own line; and a block element
/// runs to its matching closing tag, blank lines included (a highlighted code block with empty lines
/// stays one <c>&lt;figure&gt;</c>), where CommonMark would end it at the first blank line.
/// </summary>
internal sealed partial class KramdownHtmlBlockParser : HtmlBlockParser
{
    public override bool CanInterrupt(BlockProcessor processor, Block block) =>
        block is not ParagraphBlock && base.CanInterrupt(processor, block);

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        if (processor.IsBlankLine && block is HtmlBlock { Type: HtmlBlockType.InterruptingBlock } html && IsOpen(html))
        {
            var line = processor.Line;
            html.AppendLine(ref line, processor.Column, processor.LineIndex, processor.CurrentLineStartPosition, processor.TrackTrivia);
            return BlockState.Continue;
        }
        return base.TryContinue(processor, block);
    }

    /// <summary>Whether the element the block starts with has more opening than closing tags so far.</summary>
    private static bool IsOpen(HtmlBlock html)
    {
        var text = html.Lines.ToString();
        var start = StartTag().Match(text);
        if (!start.Success) return false;
        var name = start.Groups[1].Value;
        var opens = Regex.Matches(text, $@"<{name}(?=[\s>/])", RegexOptions.IgnoreCase).Count;
        var closes = Regex.Matches(text, $@"</{name}\s*>", RegexOptions.IgnoreCase).Count;
        return opens > closes;
    }

    [GeneratedRegex(@"^\s*<([A-Za-z][A-Za-z0-9-]*)")]
    private static partial Regex StartTag();
}
