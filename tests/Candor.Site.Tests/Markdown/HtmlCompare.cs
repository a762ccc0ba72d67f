using System.Text.RegularExpressions;

namespace Candor.Site.Tests.Markdown;

/// <summary>
/// Normalises HTML for comparison the way the site comparison does: whitespace between tags is
/// insignificant, and Rouge's token spans inside highlighted code are dropped (we do not port Rouge).
/// </summary>
internal static partial class HtmlCompare
{
    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();

    [GeneratedRegex(@"<span class=""[\w -]+"">(?<inner>[^<]*)</span>")]
    private static partial Regex RougeToken();

    public static string Normalize(string html) => BetweenTags().Replace(html.Replace("\r\n", "\n"), "><").Trim();

    public static string StripRougeTokens(string html)
    {
        string previous;
        do
        {
            previous = html;
            html = RougeToken().Replace(html, m => m.Groups["inner"].Value);
        } while (html != previous);
        return html;
    }

    public static void AssertSame(string expected, string actual) =>
        Assert.Equal(Normalize(StripRougeTokens(expected)), Normalize(actual));
}
