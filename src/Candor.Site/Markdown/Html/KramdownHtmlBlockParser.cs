using Markdig.Parsers;
using Markdig.Syntax;

namespace Candor.Site.Markdown.Html;

/// <summary>
/// CommonMark lets an HTML block (a comment such as <c>&lt;!--more--&gt;</c>, a <c>&lt;div&gt;</c>) interrupt a
/// paragraph; kramdown does not — the tag stays inline in the paragraph. Jekyll posts rely on that
/// for excerpt separators written on their own line.
/// </summary>
internal sealed class KramdownHtmlBlockParser : HtmlBlockParser
{
    public override bool CanInterrupt(BlockProcessor processor, Block block) =>
        block is not ParagraphBlock && base.CanInterrupt(processor, block);
}
