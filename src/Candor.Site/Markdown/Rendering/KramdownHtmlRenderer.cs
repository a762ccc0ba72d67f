using Candor.Site.Markdown.Attributes;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Candor.Site.Markdown.Rendering;

/// <summary>
/// An HtmlRenderer that knows kramdown's block layout: each nested block level is indented by two
/// spaces, and a blank source line between two blocks shows up as an empty line in the output.
/// One instance renders one document, so its state needs no locking.
/// </summary>
internal sealed class KramdownHtmlRenderer(TextWriter writer, MarkdownDocument document, string source) : HtmlRenderer(writer)
{
    /// <summary>The Markdown being rendered; kramdown keeps some whitespace Markdig's syntax tree drops.</summary>
    public string Source { get; } = source;

    public MarkdownDocument Document { get; } = document;

    /// <summary>
    /// Set while a heading's content is written into a <c>{:toc}</c> entry: kramdown unwraps links and
    /// drops footnote markers there.
    /// </summary>
    public bool InTocEntry { get; set; }

    /// <summary>Current kramdown indentation in spaces.</summary>
    public int Indent { get; set; }

    /// <summary>Renders child blocks one level deeper, keeping blank lines that separated them in the source.</summary>
    public void WriteChildren(ContainerBlock container, int extraIndent = 2, int skip = 0)
    {
        Indent += extraIndent;
        Block? previous = null;
        for (var i = skip; i < container.Count; i++)
        {
            var child = container[i];
            if (previous is not null && HasBlankLineBetween(previous, child))
                WriteLine();
            Render(child);
            previous = child;
        }
        Indent -= extraIndent;
    }

    public bool HasBlankLineBetween(Block first, Block second) =>
        second.Line > SourceLines.EndLine(first, Document) + 1;
}
