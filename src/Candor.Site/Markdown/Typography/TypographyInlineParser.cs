using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Candor.Site.Markdown.Typography;

/// <summary>
/// Smart quotes and typographic symbols in running text. Code spans, autolinks, raw HTML and link
/// destinations are consumed by their own parsers first, so they are never touched, as in kramdown.
/// </summary>
internal sealed class TypographyInlineParser : InlineParser
{
    private readonly KramdownTypography _typography;

    public TypographyInlineParser(KramdownTypography typography)
    {
        _typography = typography;
        OpeningCharacters = ['"', '\'', '-', '.', '<', '>'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var pos = slice.Start;
        // Copy the text only when the slice ends early: '.' and '-' are everywhere, and a copy per
        // character made long paragraphs quadratic.
        var limit = slice.End + 1 == text.Length ? text : text[..(slice.End + 1)];
        if (slice.CurrentChar is '"' or '\'')
        {
            // kramdown includes the previous character in its match only when it is plain text.
            var hasPrefix = pos > 0 && (processor.Inline is LiteralInline { Content.Text: var t, Content.End: var end } && ReferenceEquals(t, text) && end == pos - 1
                || processor.Inline is LineBreakInline);
            if (_typography.Quote(limit, pos, hasPrefix) is not { } q)
                return false;
            Emit(processor, slice, q.Text, q.Length);
            slice.Start += q.Length;
            return true;
        }
        if (slice.CurrentChar == '-' && IsTableDelimiterRow(limit, pos) || KramdownTypography.Symbol(limit, pos) is not { } s)
            return false;
        if (s.EatSpaceBefore && processor.Inline is LiteralInline before && before.Content.Length > 0 && before.Content.Text[before.Content.End] == ' ')
        {
            var content = before.Content;
            content.End--;
            before.Content = content;
        }
        Emit(processor, slice, s.Text, s.Length);
        slice.Start += s.Length;
        return true;
    }

    // Markdig recognises pipe tables during inline parsing, so a delimiter row ("|:--|---|") must stay literal.
    private static bool IsTableDelimiterRow(string text, int pos)
    {
        var start = text.LastIndexOf('\n', Math.Max(pos - 1, 0)) + 1;
        var end = text.IndexOf('\n', pos);
        var line = text.AsSpan(start, (end < 0 ? text.Length : end) - start);
        return line.Contains('-') && line.IndexOfAnyExcept(" \t|:-") < 0;
    }

    private static void Emit(InlineProcessor processor, StringSlice slice, string text, int length)
    {
        processor.Inline = new LiteralInline(text)
        {
            Span = new SourceSpan(processor.GetSourcePosition(slice.Start, out var line, out var column), 0),
            Line = line,
            Column = column,
        };
        processor.Inline.Span = new SourceSpan(processor.Inline.Span.Start, processor.Inline.Span.Start + length - 1);
    }
}
