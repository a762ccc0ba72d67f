using Markdig.Syntax;

namespace Candor.Site.Markdown.Rendering;

/// <summary>
/// kramdown decides per list item whether its first paragraph gets a <c>&lt;p&gt;</c>: it does not
/// when no blank line follows that paragraph, except that the last item only stays bare if the list
/// has one item or some earlier item was bare too.
/// </summary>
internal static class TightListItems
{
    public static bool IsTransparent(ListItemBlock item, MarkdownDocument document)
    {
        if (item.Count == 0 || item[0] is not ParagraphBlock first || item.Parent is not ListBlock list)
            return false;
        var index = list.IndexOf(item);
        var isLast = index == list.Count - 1;
        if (!isLast || item.Count > 1)
        {
            var nextLine = item.Count > 1 ? item[1].Line : list[index + 1].Line;
            if (nextLine > SourceLines.EndLine(first, document) + 1)
                return false;
        }
        if (!isLast || list.Count == 1)
            return true;
        for (var i = 0; i < index; i++)
        {
            if (list[i] is not ListItemBlock earlier || earlier.Count == 0 || earlier[0] is not ParagraphBlock || IsTransparent(earlier, document))
                return true;
        }
        return false;
    }
}
