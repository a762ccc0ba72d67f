using System.Text;
using Markdig.Extensions.Abbreviations;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Candor.Site.Markdown.HeadingIds;

/// <summary>
/// The text kramdown-parser-gfm feeds into id generation: text, code span content, entities and
/// typographic characters, recursing into links and emphasis, but not images, footnote markers
/// (kramdown has already replaced those by childless elements at that point); abbreviations keep their word.
/// </summary>
internal static class HeadingText
{
    public static string Of(LeafBlock block)
    {
        var sb = new StringBuilder();
        if (block.Inline is not null)
            Append(block.Inline, sb);
        return sb.ToString();
    }

    public static void Append(Inline inline, StringBuilder sb)
    {
        switch (inline)
        {
            case LiteralInline literal:
                sb.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                sb.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                sb.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                sb.Append(autolink.Url.StartsWith("mailto:", StringComparison.Ordinal) ? autolink.Url["mailto:".Length..] : autolink.Url);
                break;
            case LinkInline { IsImage: true }:
            case FootnoteLink:
                break;
            case AbbreviationInline abbreviation:
                // Jekyll's output keeps the abbreviated word in the id ("Raw HTML" → raw-html).
                sb.Append(abbreviation.Abbreviation?.Label);
                break;
            case LineBreakInline:
                sb.Append('\n');
                break;
            case ContainerInline container:
                foreach (var child in container)
                    Append(child, sb);
                break;
        }
    }
}
