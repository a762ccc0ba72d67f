using System.Text;
using System.Text.RegularExpressions;

namespace Candor.Site.Markdown.Html;

/// <summary>
/// kramdown parses raw HTML and writes it back out: attributes always double-quoted, valueless
/// attributes as <c>name=""</c>, void elements closed as <c>&lt;br /&gt;</c>. Text between tags
/// is left untouched. This rewrites only the tags, which is what that round trip changes.
/// </summary>
internal static partial class HtmlTagNormalizer
{
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    [GeneratedRegex(@"<!--.*?-->|<(?<name>[A-Za-z][\w:-]*)(?<attrs>(?:\s+[^\s""'>/=]+(?:\s*=\s*(?:""[^""]*""|'[^']*'|[^\s""'=<>`]+))?)*)\s*(?<selfclose>/?)>", RegexOptions.Singleline)]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"(?<name>[^\s""'>/=]+)(?:\s*=\s*(?:""(?<dq>[^""]*)""|'(?<sq>[^']*)'|(?<uq>[^\s""'=<>`]+)))?")]
    private static partial Regex AttributeRegex();

    public static string Normalize(string html) => TagRegex().Replace(html, m =>
    {
        if (!m.Groups["name"].Success)
            return m.Value;
        return Serialize(m.Groups["name"].Value, ParseAttributes(m.Groups["attrs"].Value), VoidElements.Contains(m.Groups["name"].Value));
    });

    public static List<KeyValuePair<string, string>> ParseAttributes(string attrs)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (Match a in AttributeRegex().Matches(attrs))
        {
            var value = a.Groups["dq"].Success ? a.Groups["dq"].Value
                : a.Groups["sq"].Success ? a.Groups["sq"].Value
                : a.Groups["uq"].Success ? a.Groups["uq"].Value : "";
            list.Add(new(a.Groups["name"].Value, value));
        }
        return list;
    }

    public static string Serialize(string name, IEnumerable<KeyValuePair<string, string>> attributes, bool isVoid)
    {
        var sb = new StringBuilder("<").Append(name);
        foreach (var (key, value) in attributes)
            sb.Append(' ').Append(key).Append("=\"").Append(value.Replace("\"", "&quot;")).Append('"');
        sb.Append(isVoid ? " />" : ">");
        return sb.ToString();
    }
}
