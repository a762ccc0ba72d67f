using System.Text;
using Candor.Site.Markdown.Rendering;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Candor.Site.Markdown.Code;

/// <summary>
/// Fenced and indented code in the markup Jekyll's Rouge integration produces. Rouge's token spans
/// (<c>&lt;span class="k"&gt;</c>) are deliberately not produced: that would mean porting Rouge's
/// lexers, so the code is emitted escaped but unhighlighted and the site comparison strips token spans.
/// </summary>
internal sealed class KramdownCodeBlockRenderer : HtmlObjectRenderer<CodeBlock>
{
    protected override void Write(HtmlRenderer renderer, CodeBlock obj)
    {
        var r = (KramdownHtmlRenderer)renderer;
        var language = obj is FencedCodeBlock { Info: { Length: > 0 } info } ? info.Split(' ', '\t')[0] : "plaintext";
        var code = new StringBuilder();
        foreach (var line in obj.Lines)
            code.Append(line.ToString()).Append('\n');
        // Markdig keeps the final (possibly empty) line of an indented block; Rouge sees the text with trailing blank lines removed.
        var text = code.ToString().TrimEnd('\n') + "\n";
        r.WriteIndent().Write("<div").WriteKramdownAttributes(obj, new KeyValuePair<string, string>("class", $"language-{language} highlighter-rouge"))
            .Write("><div class=\"highlight\"><pre class=\"highlight\"><code>")
            .WriteText(text)
            .Write("</code></pre></div></div>").WriteLine();
    }
}
