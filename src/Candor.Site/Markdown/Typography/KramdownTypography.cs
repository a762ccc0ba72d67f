using System.Text;
using System.Text.RegularExpressions;

namespace Candor.Site.Markdown.Typography;

/// <summary>
/// kramdown's smart quote and typographic symbol rules, applied at one position of the source text.
/// kramdown tries its quote rules in order with the character before the quote (if it is plain text)
/// included in the match, so the caller says whether such a character exists. Character classes are
/// ASCII, as Ruby's <c>\s</c> and <c>\w</c> are.
/// </summary>
internal sealed partial class KramdownTypography(string[] quoteEntities)
{
    private const string Punct = @"[!""#$%'()*+,\-./:;<=>?@\[\\\]^_`{|}~]";
    private const string Close = @"[^ \\\t\r\n\[{(-]";
    private const string Word = "[A-Za-z0-9_]";
    private const string Space = @"[ \t\r\n\f\v]";

    // Quote rules in kramdown's order; L = opening, R = closing, for the quote kind found in the match.
    private static readonly (Regex Rule, string Kinds)[] QuoteRules =
    [
        (new Regex(@"\G(""|')(?=[_*]{1,2}[^ \t\r\n\f\v])"), "L"),
        (new Regex($@"\G(""|')(?={Punct}(?!\.\.)(?!{Word}))"), "R"),
        (new Regex($@"\G({Space}?)""'(?={Word})"), "dL sL"),
        (new Regex($@"\G({Space}?)'""(?={Word})"), "sL dL"),
        (new Regex($@"\G({Space}?)'(?=[0-9][0-9]s)"), "sR"),
        (new Regex($@"\G({Space})('|"")(?={Word})"), "L"),
        (new Regex($@"\G({Close})('|"")"), "R"),
        (new Regex($@"\G(""|')(?={Space}|s(?!{Word})|\n|$)"), "R"),
        (new Regex(@"\G(.?)'", RegexOptions.Singleline), "sL"),
        (new Regex(@"\G(.?)""", RegexOptions.Singleline), "dL"),
    ];

    private readonly string[] _quotes = quoteEntities.Select(EntityChar).ToArray();

    /// <summary>Replacement for the quote(s) at <paramref name="pos"/>, and how many source chars it covers.</summary>
    public (string Text, int Length)? Quote(string text, int pos, bool hasPrefix)
    {
        var start = hasPrefix ? pos - 1 : pos;
        foreach (var (rule, kinds) in QuoteRules)
        {
            var m = rule.Match(text, start);
            if (!m.Success)
                continue;
            var tokens = kinds.Split(' ');
            if (m.Index + m.Length - tokens.Length != pos)
                continue;
            var sb = new StringBuilder();
            for (var j = 0; j < tokens.Length; j++)
            {
                var token = tokens[j];
                var isDouble = token.Length == 2 ? token[0] == 'd' : text[pos + j] == '"';
                sb.Append(Pick(isDouble, token[^1] == 'L'));
            }
            return (sb.ToString(), m.Index + m.Length - pos);
        }
        return null;
    }

    private string Pick(bool doubleQuote, bool opening) => _quotes[(doubleQuote ? 2 : 0) + (opening ? 0 : 1)];

    /// <summary>kramdown's typographic symbols: --- — -- – ... … &lt;&lt; « &gt;&gt; » (with a space, a no-break space).</summary>
    public static (string Text, int Length, bool EatSpaceBefore)? Symbol(string text, int pos)
    {
        static bool At(string t, int p, string s) => string.CompareOrdinal(t, p, s, 0, s.Length) == 0;
        if (At(text, pos, "---")) return ("\u2014", 3, false);
        if (At(text, pos, "--")) return ("\u2013", 2, false);
        if (At(text, pos, "...")) return ("\u2026", 3, false);
        if (At(text, pos, "<< ")) return ("\u00AB\u00A0", 3, false);
        if (At(text, pos, ">>") && pos > 0 && text[pos - 1] == ' ') return ("\u00A0\u00BB", 2, true);
        if (At(text, pos, "<<")) return ("\u00AB", 2, false);
        if (At(text, pos, ">>")) return ("\u00BB", 2, false);
        return null;
    }

    /// <summary>Smart typography over plain text, as Jekyll's <c>smartify</c> filter does.</summary>
    public string Apply(string text)
    {
        var sb = new StringBuilder(text.Length);
        var lastWasSubstitution = true;
        for (var i = 0; i < text.Length;)
        {
            if (text[i] is '"' or '\'' && Quote(text, i, hasPrefix: i > 0 && !lastWasSubstitution && text[i - 1] != '\\') is { } q)
            {
                sb.Append(q.Text);
                i += q.Length;
                lastWasSubstitution = true;
                continue;
            }
            if (text[i] is '-' or '.' or '<' or '>' && Symbol(text, i) is { } s)
            {
                if (s.EatSpaceBefore && sb.Length > 0 && sb[^1] == ' ')
                    sb.Length--;
                sb.Append(s.Text);
                i += s.Length;
                lastWasSubstitution = true;
                continue;
            }
            sb.Append(text[i]);
            i++;
            lastWasSubstitution = false;
        }
        return sb.ToString();
    }

    private static string EntityChar(string name) => name switch
    {
        "lsquo" => "\u2018",
        "rsquo" => "\u2019",
        "ldquo" => "\u201C",
        "rdquo" => "\u201D",
        "laquo" => "\u00AB",
        "raquo" => "\u00BB",
        "sbquo" => "\u201A",
        "bdquo" => "\u201E",
        "lsaquo" => "\u2039",
        "rsaquo" => "\u203A",
        "apos" => "'",
        "quot" => "\"",
        _ => name,
    };
}
