using System.Text.RegularExpressions;
using Candor.Site.Markdown.Rendering;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Candor.Site.Markdown.Html;

/// <summary>
/// Block HTML as kramdown emits it: tags re-serialised, content raw, never wrapped in <c>&lt;p&gt;</c>.
/// An element carrying <c>markdown="1"</c> has its content parsed as Markdown, one level deeper.
/// </summary>
internal sealed partial class KramdownHtmlBlockRenderer(Func<string, int, string> convertNested) : HtmlObjectRenderer<HtmlBlock>
{
    [GeneratedRegex(@"^\s*<(?<name>[A-Za-z][\w-]*)(?<attrs>[^>]*?)\s+markdown=(?:""1""|'1'|1|""block""|'block')(?<rest>[^>]*)>(?<body>.*)</\k<name>>\s*$", RegexOptions.Singleline)]
    private static partial Regex MarkdownElementRegex();

    protected override void Write(HtmlRenderer renderer, HtmlBlock obj)
    {
        var r = (KramdownHtmlRenderer)renderer;
        var html = obj.Lines.ToString();
        var m = MarkdownElementRegex().Match(html);
        if (m.Success)
        {
            var name = m.Groups["name"].Value;
            var attrs = HtmlTagNormalizer.ParseAttributes(m.Groups["attrs"].Value + " " + m.Groups["rest"].Value);
            r.WriteIndent().Write(HtmlTagNormalizer.Serialize(name, attrs, isVoid: false)).WriteLine();
            r.Write(convertNested(m.Groups["body"].Value.Trim('\n'), r.Indent + 2));
            r.WriteIndent().Write("</").Write(name).Write('>').WriteLine();
            return;
        }
        r.Write(HtmlTagNormalizer.Normalize(html.TrimEnd('\n', ' '))).WriteLine();
    }
}
