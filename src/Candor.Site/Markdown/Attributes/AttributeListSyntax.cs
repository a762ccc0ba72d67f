using System.Text.RegularExpressions;

namespace Candor.Site.Markdown.Attributes;

/// <summary>
/// Parses the body of a kramdown inline attribute list (<c>.class #id key="value" key='v' refname</c>),
/// applying entries left to right like kramdown's <c>parse_attribute_list</c>.
/// </summary>
internal static partial class AttributeListSyntax
{
    // One IAL entry: a quoted key=value pair, a .class, a #id, or a bare reference name (for ALDs).
    [GeneratedRegex("""\G\s*(?:(?<key>[\w:][\w.:-]*)=(?:"(?<dq>(?:\\"|[^"])*)"|'(?<sq>(?:\\'|[^'])*)')|\.(?<cls>[^\s.#]+)|#(?<id>[^\s.#]+)|(?<ref>[A-Za-z0-9_][\w-]*))""")]
    private static partial Regex EntryRegex();

    /// <summary>Applies <paramref name="body"/> to <paramref name="target"/>; ALD references resolve through <paramref name="definitions"/>.</summary>
    public static bool TryApply(string body, KramdownAttributes target, IReadOnlyDictionary<string, KramdownAttributes>? definitions)
    {
        var pos = 0;
        while (pos < body.Length)
        {
            if (string.IsNullOrWhiteSpace(body[pos..]))
                break;
            var m = EntryRegex().Match(body, pos);
            if (!m.Success || m.Length == 0)
                return false;
            pos = m.Index + m.Length;
            if (m.Groups["key"].Success)
            {
                var value = m.Groups["dq"].Success ? m.Groups["dq"].Value.Replace("\\\"", "\"") : m.Groups["sq"].Value.Replace("\\'", "'");
                if (m.Groups["key"].Value == "class")
                    target.AddClass(value);
                else
                    target.Set(m.Groups["key"].Value, value);
            }
            else if (m.Groups["cls"].Success)
                target.AddClass(m.Groups["cls"].Value);
            else if (m.Groups["id"].Success)
                target.Set("id", m.Groups["id"].Value);
            else if (definitions is not null && definitions.TryGetValue(m.Groups["ref"].Value, out var def))
                target.MergeFrom(def);
            else
                target.References.Add(m.Groups["ref"].Value);
        }
        return true;
    }
}
