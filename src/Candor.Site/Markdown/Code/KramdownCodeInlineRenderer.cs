using Candor.Site.Markdown.Rendering;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Candor.Site.Markdown.Code;

/// <summary>Jekyll highlights code spans with Rouge's plaintext lexer, which only adds these classes.</summary>
internal sealed class KramdownCodeInlineRenderer : HtmlObjectRenderer<CodeInline>
{
    protected override void Write(HtmlRenderer renderer, CodeInline obj)
    {
        var r = (KramdownHtmlRenderer)renderer;
        r.Write("<code").WriteKramdownAttributes(obj, new KeyValuePair<string, string>("class", "language-plaintext highlighter-rouge"))
            .Write('>').WriteText(obj.ContentSpan).Write("</code>");
    }
}
