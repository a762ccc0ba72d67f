using System.Text.RegularExpressions;
using Candor.Site.Markdown.Attributes;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Candor.Site.Markdown.Lists;

/// <summary>
/// The start of a list item's first paragraph, where kramdown accepts an IAL for the <c>&lt;li&gt;</c>
/// (<c>* {:.cls} text</c>, its LIST_ITEM_IAL) and kramdown-parser-gfm then turns a leading <c>[ ]</c> /
/// <c>[x]</c> followed by whitespace into a checkbox.
/// </summary>
internal sealed partial class ListItemStartParser : InlineParser
{
    // kramdown: /\{:(?!(?:ALD_ID_NAME)?:|\/)(ALD_ANY_CHARS+)\}\s*/
    [GeneratedRegex(@"\G\{:(?!(?:[\w-]+)?:|/)(?<body>(?:\\\}|[^}])+)\}\s*")]
    private static partial Regex ItemIal();

    // kramdown-parser-gfm: /\A\s*\[ \]\s+/ and /\A\s*\[x\]\s+/i
    [GeneratedRegex(@"\G\[(?<mark>[ xX])\]\s+")]
    private static partial Regex TaskMarker();

    public ListItemStartParser()
    {
        OpeningCharacters = ['{', '['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (processor.Block is not ParagraphBlock paragraph || paragraph.Parent is not ListItemBlock item
            || item.Count == 0 || item[0] != paragraph || processor.Inline is not null || processor.Root?.FirstChild is not null)
            return false;
        var text = slice.End + 1 == slice.Text.Length ? slice.Text : slice.Text[..(slice.End + 1)];
        var pos = slice.Start;
        var consumed = false;
        if (slice.CurrentChar == '{')
        {
            var ial = ItemIal().Match(text, pos);
            if (!ial.Success || !AttributeListSyntax.TryApply(ial.Groups["body"].Value, KramdownAttributes.Of(item), null))
                return false;
            pos += ial.Length;
            consumed = true;
        }
        var task = TaskMarker().Match(text, pos);
        if (task.Success)
        {
            processor.Inline = new TaskCheckboxInline
            {
                Checked = task.Groups["mark"].Value != " ",
                Span = new SourceSpan(processor.GetSourcePosition(pos, out var line, out var column), processor.GetSourcePosition(pos + task.Length - 1)),
                Line = line,
                Column = column,
            };
            pos += task.Length;
            consumed = true;
        }
        if (!consumed)
            return false;
        slice.Start = pos;
        return true;
    }
}
