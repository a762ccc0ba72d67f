using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace Candor.Site.Liquid.Filters;

/// <summary>Jekyll's text filters: <c>xml_escape</c>, <c>slugify</c>, <c>number_of_words</c>, <c>normalize_whitespace</c>.</summary>
internal static partial class TextFilters
{
    // Jekyll's slugify character classes per mode ("latin" transliterates, then uses "ascii").
    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();
    // .NET has no \p{Han}-style script classes; these Unicode blocks cover the same CJK text.
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}\p{IsHangulSyllables}]")] private static partial Regex Cjk();
    [GeneratedRegex(@"[^\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}\p{IsHangulSyllables}\s]+")] private static partial Regex NonCjkWord();

    public static FilterCollection WithTextFilters(this FilterCollection filters)
    {
        filters.AddFilter("xml_escape", (input, _, _) => new(input.IsNil() ? NilValue.Instance : new StringValue(XmlEscape(input.S()))));
        filters.AddFilter("slugify", (input, args, _) =>
            new(input.IsNil() ? NilValue.Instance : new StringValue(Slugify(input.S(), args.At(0).IsNil() ? "default" : args.At(0).S()))));
        filters.AddFilter("number_of_words", (input, args, _) => new(NumberValue.Create(NumberOfWords(input.S(), args.At(0).S()))));
        filters.AddFilter("normalize_whitespace", (input, _, _) => new(new StringValue(Whitespace().Replace(input.S(), " ").Trim())));
        return filters;
    }

    public static string XmlEscape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&apos;", StringComparison.Ordinal);

    public static string Slugify(string text, string mode) => Documents.Slug.Make(text, mode);

    private static int NumberOfWords(string text, string mode)
    {
        var plain = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var cjk = Cjk().Matches(text).Count;
        return mode switch
        {
            "cjk" => cjk + NonCjkWord().Matches(text).Count,
            "auto" => cjk == 0 ? plain : cjk + NonCjkWord().Matches(text).Count,
            _ => plain,
        };
    }
}
