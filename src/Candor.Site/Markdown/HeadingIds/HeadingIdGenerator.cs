using System.Globalization;
using System.Text;

namespace Candor.Site.Markdown.HeadingIds;

/// <summary>
/// kramdown-parser-gfm's header id rule: lowercase the heading text, drop everything that is not a
/// word character (Unicode letters, marks, digits, connector punctuation), hyphen, space or tab, turn
/// spaces and tabs into hyphens, and suffix repeats with <c>-1</c>, <c>-2</c>, …. Not thread-safe: one
/// instance per document.
/// </summary>
internal sealed class HeadingIdGenerator(string prefix)
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public string Generate(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is ' ' or '\t')
                sb.Append('-');
            else if (c == '-' || IsWordChar(c))
                sb.Append(c);
        }
        var id = sb.ToString();
        // Like kramdown, even an empty result takes part in the counting.
        var count = _seen.TryGetValue(id, out var n) ? n + 1 : 0;
        _seen[id] = count;
        if (count > 0)
            id += "-" + count.ToString(CultureInfo.InvariantCulture);
        return prefix + id;
    }

    private static bool IsWordChar(char c)
    {
        if (char.IsSurrogate(c))
            return true; // astral letters are rare; keep them rather than guessing
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.ConnectorPunctuation => true,
            _ => false,
        };
    }
}
