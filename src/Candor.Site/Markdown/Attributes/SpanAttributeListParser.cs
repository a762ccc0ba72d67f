using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Candor.Site.Markdown.Attributes;

/// <summary>
/// Span IALs (<c>[link](url){:target="_blank"}</c>) attach to the span element right before them, and a
/// trailing <c>{#id}</c> on a heading line sets the heading's id, as kramdown's header syntax allows.
/// </summary>
internal sealed partial class SpanAttributeListParser : InlineParser
{
    [GeneratedRegex(@"\G\{:(?<body>(?:\\\}|[^}\n])*)\}")]
    private static partial Regex SpanIalRegex();

    [GeneratedRegex(@"\G\{#(?<id>[A-Za-z][\w:-]*)\}[ \t]*$")]
    private static partial Regex HeaderIdRegex();

    public SpanAttributeListParser()
    {
        OpeningCharacters = ['{'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.End + 1 == slice.Text.Length ? slice.Text : slice.Text[..(slice.End + 1)];
        if (processor.Block is HeadingBlock heading)
        {
            var idMatch = HeaderIdRegex().Match(text, slice.Start);
            if (idMatch.Success && processor.Inline is LiteralInline before && before.Content.Length > 0
                && char.IsWhiteSpace(before.Content.Text[before.Content.End]))
            {
                KramdownAttributes.Of(heading).Set("id", idMatch.Groups["id"].Value);
                var content = before.Content;
                while (content.Length > 0 && char.IsWhiteSpace(content.Text[content.End]))
                    content.End--;
                before.Content = content;
                slice.Start = slice.End + 1;
                return true;
            }
        }

        var m = SpanIalRegex().Match(text, slice.Start);
        if (!m.Success || m.Groups["body"].Value.StartsWith(':'))
            return false;
        // kramdown ignores a span IAL that follows plain text; it has nothing to attach to.
        var target = processor.Inline;
        if (target is null or LiteralInline)
            return false;
        if (target is ContainerInline { IsClosed: false })
            return false;
        if (!AttributeListSyntax.TryApply(m.Groups["body"].Value, KramdownAttributes.Of(target), null))
            return false;
        slice.Start += m.Length;
        return true;
    }
}
