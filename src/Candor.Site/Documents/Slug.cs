using System.Text.RegularExpressions;

namespace Candor.Site.Documents;

/// <summary>Jekyll's <c>Utils.slugify</c>: used for post URLs (<c>:title</c>, <c>:slug</c>) and the <c>slugify</c> filter.</summary>
public static partial class Slug
{
    public static readonly string[] Modes = ["raw", "default", "pretty", "ascii", "latin"];

    public static string Make(string text, string mode = "default", bool cased = false)
    {
        if (!Modes.Contains(mode)) return cased ? text : text.ToLowerInvariant();
        // Jekyll 4.3 transliterates for "latin", then keeps ASCII letters and digits as "ascii" does.
        if (mode == "latin") text = Liquid.Values.LatinTransliteration.Transliterate(text);
        var pattern = mode switch
        {
            "raw" => RawSeparators(),
            "pretty" => PrettySeparators(),
            "ascii" or "latin" => AsciiSeparators(),
            _ => DefaultSeparators(),
        };
        var slug = pattern.Replace(text, "-");
        // Ruby's gsub(/^-|-$/) strips one hyphen at each end, not a run of them.
        if (slug.StartsWith('-')) slug = slug[1..];
        if (slug.EndsWith('-')) slug = slug[..^1];
        return cased ? slug : slug.ToLowerInvariant();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex RawSeparators();
    [GeneratedRegex(@"[^\p{M}\p{L}\p{Nd}]+")]
    private static partial Regex DefaultSeparators();
    [GeneratedRegex(@"[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+")]
    private static partial Regex PrettySeparators();
    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex AsciiSeparators();
}
