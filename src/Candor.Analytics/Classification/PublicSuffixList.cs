using System.Globalization;
using System.Text.RegularExpressions;

namespace Candor.Analytics.Classification;

/// <summary>
/// The Public Suffix List (as shipped in npm <c>psl</c>'s <c>data/rules.js</c>): which suffixes anyone can
/// register under, so that "shop.example.co.uk" has root "example.co.uk" rather than "co.uk". Implements the
/// list's algorithm: exception rules ("!www.ck") beat wildcard ("*.ck") and plain rules; otherwise the rule
/// with the most labels wins; with no match the suffix is the last label.
/// </summary>
public sealed partial class PublicSuffixList
{
    private readonly HashSet<string> _rules;
    private readonly HashSet<string> _wildcards;
    private readonly HashSet<string> _exceptions;

    private PublicSuffixList(HashSet<string> rules, HashSet<string> wildcards, HashSet<string> exceptions)
    {
        _rules = rules;
        _wildcards = wildcards;
        _exceptions = exceptions;
    }

    public int RuleCount => _rules.Count + _wildcards.Count + _exceptions.Count;

    public static PublicSuffixList Load(string rulesJs)
    {
        if (!File.Exists(rulesJs)) throw new DataSetsMissingException($"The Public Suffix List is missing: '{rulesJs}'. Run `npm ci` in Candor's data/ folder.");
        return Parse(File.ReadAllText(rulesJs));
    }

    /// <summary>Reads every string literal of the file (it is <c>export default ["ac", "com.ac", …]</c>).</summary>
    internal static PublicSuffixList Parse(string rulesJs)
    {
        HashSet<string> rules = new(StringComparer.Ordinal), wildcards = new(StringComparer.Ordinal), exceptions = new(StringComparer.Ordinal);
        var idn = new IdnMapping();
        foreach (Match m in Literal().Matches(rulesJs))
        {
            var rule = m.Groups[1].Value.ToLowerInvariant();
            // Rules are written in Unicode; hosts reach us in ASCII (punycode), so keep both spellings.
            foreach (var form in new[] { rule, Ascii(idn, rule) })
            {
                if (form.StartsWith('!')) exceptions.Add(form[1..]);
                else if (form.StartsWith("*.", StringComparison.Ordinal)) wildcards.Add(form[2..]);
                else rules.Add(form);
            }
        }
        if (rules.Count == 0) throw new InvalidDataException("The Public Suffix List file holds no rules.");
        return new PublicSuffixList(rules, wildcards, exceptions);
    }

    private static string Ascii(IdnMapping idn, string rule)
    {
        var prefix = rule.StartsWith('!') ? "!" : rule.StartsWith("*.", StringComparison.Ordinal) ? "*." : "";
        try { return prefix + idn.GetAscii(rule[prefix.Length..]); }
        catch (ArgumentException) { return rule; }
    }

    /// <summary>The public suffix of <paramref name="host"/> ("co.uk" for "a.b.co.uk").</summary>
    public string Suffix(string host)
    {
        host = host.TrimEnd('.').ToLowerInvariant();
        var labels = host.Split('.');
        // Walk from the longest candidate to the shortest; the first hit is the longest rule.
        for (var i = 0; i < labels.Length; i++)
        {
            var candidate = string.Join('.', labels, i, labels.Length - i);
            if (_exceptions.Contains(candidate)) return string.Join('.', labels, i + 1, labels.Length - i - 1);
            if (_rules.Contains(candidate)) return candidate;
            if (i + 1 < labels.Length && _wildcards.Contains(string.Join('.', labels, i + 1, labels.Length - i - 1))) return candidate;
        }
        return labels[^1];
    }

    /// <summary>The registrable domain: the public suffix plus one label; the host itself when it is a suffix or a single label.</summary>
    public string RegistrableDomain(string host)
    {
        var normalised = host.TrimEnd('.').ToLowerInvariant();
        var suffix = Suffix(normalised);
        if (suffix.Length >= normalised.Length) return normalised;
        var rest = normalised[..(normalised.Length - suffix.Length - 1)];
        var dot = rest.LastIndexOf('.');
        return (dot < 0 ? rest : rest[(dot + 1)..]) + "." + suffix;
    }

    [GeneratedRegex("\"([^\"\\s]+)\"")]
    private static partial Regex Literal();
}
