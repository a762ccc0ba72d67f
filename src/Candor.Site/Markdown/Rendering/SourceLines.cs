using Markdig.Syntax;

namespace Candor.Site.Markdown;

/// <summary>
/// Line arithmetic on parsed blocks. kramdown's output depends on blank lines in the source (IAL
/// placement, tight vs. loose list items, blank lines between blocks), which Markdig does not keep,
/// so they are recovered from source spans (the pipeline enables precise source locations).
/// </summary>
internal static class SourceLines
{
    public static int LineOf(int position, MarkdownDocument document)
    {
        var starts = document.LineStartIndexes;
        if (starts is null || starts.Count == 0)
            return 0;
        var lo = 0;
        var hi = starts.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (starts[mid] <= position)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }

    public static int EndLine(Block block, MarkdownDocument document) => LineOf(Math.Max(block.Span.End, block.Span.Start), document);
}
