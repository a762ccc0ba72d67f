using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Candor.Site.Markdown.Attributes;

/// <summary>
/// Span IALs after emphasis (<c>**strong**{: .highlight}</c>). Markdig resolves emphasis only after
/// inline parsing, so when the IAL is met there is no element yet to attach it to; it is left as text
/// and moved onto the finished <see cref="EmphasisInline"/> here.
/// </summary>
internal static partial class EmphasisAttributeLists
{
    [GeneratedRegex(@"^\{:(?<body>(?:\\\}|[^}\n])*)\}")]
    private static partial Regex LeadingIal();

    public static void Apply(MarkdownDocument document)
    {
        foreach (var emphasis in document.Descendants<EmphasisInline>().ToList())
        {
            if (emphasis.NextSibling is not LiteralInline literal) continue;
            var content = literal.Content;
            var m = LeadingIal().Match(content.ToString());
            if (!m.Success || m.Groups["body"].Value.StartsWith(':')) continue;
            if (!AttributeListSyntax.TryApply(m.Groups["body"].Value, KramdownAttributes.Of(emphasis), null)) continue;
            content.Start += m.Length;
            if (content.Length == 0) literal.Remove();
            else literal.Content = content;
        }
    }
}
