using System.Text.RegularExpressions;

namespace Candor.Site.Tests.Differential;

/// <summary>
/// What the differential comparison treats as insignificant: whitespace between tags and at line
/// ends, blank lines, Rouge's token spans, the build time in jekyll-feed's <c>&lt;updated&gt;</c> (see <see cref="KnownDifferences"/>).
/// </summary>
internal static partial class OutputNormalizer
{
    public static string Normalize(string text)
    {
        text = text.Replace("\r\n", "\n");
        text = FeedUpdated().Replace(text, "${head}(site.time)${tail}");
        text = RougeToken().Replace(text, m => m.Groups["inner"].Value);
        text = RougeToken().Replace(text, m => m.Groups["inner"].Value);
        text = BetweenTags().Replace(text, ">\n<");
        var lines = text.Split('\n').Select(l => Spaces().Replace(l.Trim(), " ")).Where(l => l.Length > 0);
        return string.Join("\n", lines);
    }

    // jekyll-feed's feed-level <updated> is site.time, the moment of the build (see KnownDifferences.Global).
    [GeneratedRegex(@"(?<head><generator uri=""https://jekyllrb\.com/""[^>]*>Jekyll</generator>\s*(?:<link [^>]*/>\s*)*<updated>)[^<]*(?<tail></updated>)")]
    private static partial Regex FeedUpdated();
    [GeneratedRegex(@">[ \t\n]+<")]
    private static partial Regex BetweenTags();
    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
    [GeneratedRegex(@"<span class=""[\w -]+"">(?<inner>[^<]*)</span>")]
    private static partial Regex RougeToken();
}
