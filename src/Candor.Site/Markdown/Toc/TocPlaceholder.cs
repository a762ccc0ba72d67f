using System.Text.RegularExpressions;
using Candor.Site.Markdown.Attributes;
using Candor.Site.Markdown.Rendering;
using Markdig.Syntax;

namespace Candor.Site.Markdown.Toc;

/// <summary>
/// Marks the list that <c>{:toc}</c> replaces and writes the table of contents in its place, following
/// kramdown's HTML converter: headings with an id, a level in <c>toc_levels</c> and no <c>no_toc</c>
/// class are nested by level into lists of the placeholder's type (<c>ul</c> or <c>ol</c>); entry text is
/// the heading's content with links unwrapped and footnote markers removed.
/// </summary>
internal sealed partial class TocPlaceholder
{
    private static readonly object DataKey = typeof(TocPlaceholder);
    private readonly HashSet<int> _levels;

    private TocPlaceholder(IEnumerable<int> levels) => _levels = [.. levels];

    [GeneratedRegex(@"\bno_toc\b")]
    private static partial Regex NoTocClass();

    public static void Mark(ListBlock list, IEnumerable<int> levels) => list.SetData(DataKey, new TocPlaceholder(levels));

    public static TocPlaceholder? Find(ListBlock list) => list.GetData(DataKey) as TocPlaceholder;

    private sealed class Entry(HeadingBlock heading, string id)
    {
        public HeadingBlock Heading { get; } = heading;
        public string Id { get; } = id;
        public int Level => Heading.Level;
        public List<Entry> Children { get; } = [];
    }

    public void Write(KramdownHtmlRenderer r, ListBlock list)
    {
        var roots = BuildTree(r.Document);
        if (roots.Count == 0)
            return; // kramdown replaces the placeholder with nothing
        var attrs = new KramdownAttributes();
        if (KramdownAttributes.Find(list) is { } ial)
            attrs.MergeFrom(ial);
        if (!attrs.Has("id"))
            attrs.Set("id", "markdown-toc");
        var prefix = attrs.Get("id") + "-";
        var tag = list.IsOrdered ? "ol" : "ul";

        // kramdown writes the placeholder unindented and converts the TOC at indent 0.
        var savedIndent = r.Indent;
        r.Indent = 0;
        r.Write('<').Write(tag);
        foreach (var kv in attrs.Items)
            r.Write(' ').Write(kv.Key).Write("=\"").Write(KramdownEscape.Attribute(kv.Value)).Write('"');
        r.Write('>').WriteLine();
        WriteEntries(r, roots, tag, prefix, 2);
        r.Write("</").Write(tag).Write('>').WriteLine();
        r.Indent = savedIndent;
    }

    private static void WriteEntries(KramdownHtmlRenderer r, List<Entry> entries, string tag, string prefix, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var entry in entries)
        {
            r.Write(pad).Write("<li><a href=\"#").Write(KramdownEscape.Attribute(entry.Id))
                .Write("\" id=\"").Write(KramdownEscape.Attribute(prefix + entry.Id)).Write("\">");
            r.InTocEntry = true;
            try
            {
                r.WriteLeafInline(entry.Heading);
            }
            finally
            {
                r.InTocEntry = false;
            }
            r.Write("</a>");
            if (entry.Children.Count > 0)
            {
                r.Write(new string(' ', indent + 2)).Write('<').Write(tag).Write('>').WriteLine();
                WriteEntries(r, entry.Children, tag, prefix, indent + 4);
                r.Write(new string(' ', indent + 2)).Write("</").Write(tag).Write('>').WriteLine();
                r.Write(pad);
            }
            r.Write("</li>").WriteLine();
        }
    }

    // kramdown's generate_toc_tree: an entry nests under the nearest earlier entry of a lower level.
    private List<Entry> BuildTree(MarkdownDocument document)
    {
        var roots = new List<Entry>();
        var stack = new Stack<Entry>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var attrs = KramdownAttributes.Find(heading);
            if (attrs?.Get("id") is not { } id || !_levels.Contains(heading.Level) || NoTocClass().IsMatch(attrs.Get("class") ?? ""))
                continue;
            var entry = new Entry(heading, id);
            while (stack.Count > 0 && stack.Peek().Level >= entry.Level)
                stack.Pop();
            if (stack.Count == 0)
                roots.Add(entry);
            else
                stack.Peek().Children.Add(entry);
            stack.Push(entry);
        }
        return roots;
    }
}
