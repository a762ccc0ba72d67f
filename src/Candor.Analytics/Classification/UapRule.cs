using System.Text.RegularExpressions;

namespace Candor.Analytics.Classification;

/// <summary>
/// One entry of uap-core's <c>regexes.yaml</c>: a pattern plus optional replacement templates. The file's
/// contract (its docs/specification.md): the first matching entry wins; a field without a replacement takes
/// the capture group in its position; a replacement may refer to groups as <c>$1</c>…<c>$9</c>; results are
/// trimmed and an empty result means "absent".
/// </summary>
internal sealed class UapRule(Regex regex, string?[] replacements)
{
    public Match Match(string userAgent)
    {
        try { return regex.Match(userAgent); }
        // A hostile user agent must not stall ingestion: a pattern that runs out of time counts as no match.
        catch (RegexMatchTimeoutException) { return System.Text.RegularExpressions.Match.Empty; }
    }

    /// <summary>Field <paramref name="index"/> of a match: the replacement with <c>$n</c> filled in, else capture group <paramref name="index"/> + 1.</summary>
    public string? Field(Match match, int index, bool groupFallback = true)
    {
        string? value;
        if (replacements[index] is { } template)
        {
            value = template.Contains('$') ? Substitute(template, match) : template;
        }
        else if (groupFallback && index + 1 < match.Groups.Count && match.Groups[index + 1].Success)
        {
            value = match.Groups[index + 1].Value;
        }
        else return null;
        value = value.Trim();
        return value.Length == 0 ? null : value;
    }

    private static string Substitute(string template, Match match)
    {
        var result = new System.Text.StringBuilder(template.Length + 16);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '$' && i + 1 < template.Length && char.IsAsciiDigit(template[i + 1]))
            {
                var group = template[i + 1] - '0';
                if (group < match.Groups.Count && match.Groups[group].Success) result.Append(match.Groups[group].Value);
                i++;
            }
            else result.Append(template[i]);
        }
        return result.ToString();
    }

    /// <summary>
    /// Patterns are interpreted, not compiled to IL: there are about 1,500 of them and compiling all would cost
    /// seconds at start-up, while the classifier's cache means each distinct user agent is matched only once.
    /// </summary>
    public static UapRule From(Dictionary<string, string> entry, string[] replacementKeys, bool caseInsensitive = false)
    {
        var options = RegexOptions.CultureInvariant;
        if (caseInsensitive || (entry.TryGetValue("regex_flag", out var flag) && flag == "i")) options |= RegexOptions.IgnoreCase;
        var regex = new Regex(entry["regex"], options, TimeSpan.FromMilliseconds(250));
        var replacements = replacementKeys.Select(k => entry.TryGetValue(k, out var v) ? v : null).ToArray();
        return new UapRule(regex, replacements);
    }
}
