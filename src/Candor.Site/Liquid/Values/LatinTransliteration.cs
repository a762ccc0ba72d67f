using System.Text;

namespace Candor.Site.Liquid.Values;

/// <summary>
/// Ruby I18n's default <c>transliterate</c> (used by <c>slugify: "latin"</c>): Latin letters lose their
/// accents, anything else non-ASCII becomes "?". A table rather than Unicode decomposition, because the
/// app runs with invariant globalization, where <c>string.Normalize</c> cannot decompose.
/// </summary>
internal static class LatinTransliteration
{
    private static readonly Dictionary<char, string> Table = Build();

    private static Dictionary<char, string> Build()
    {
        var groups = new (string Letters, string Ascii)[]
        {
            ("ÀÁÂÃÄÅĀĂĄ", "A"), ("àáâãäåāăą", "a"), ("ÇĆĈĊČ", "C"), ("çćĉċč", "c"), ("ĎĐÐ", "D"), ("ďđð", "d"),
            ("ÈÉÊËĒĔĖĘĚ", "E"), ("èéêëēĕėęě", "e"), ("ĜĞĠĢ", "G"), ("ĝğġģ", "g"), ("ĤĦ", "H"), ("ĥħ", "h"),
            ("ÌÍÎÏĨĪĬĮİ", "I"), ("ìíîïĩīĭįı", "i"), ("Ĵ", "J"), ("ĵ", "j"), ("Ķ", "K"), ("ķ", "k"),
            ("ĹĻĽĿŁ", "L"), ("ĺļľŀł", "l"), ("ÑŃŅŇ", "N"), ("ñńņň", "n"), ("ÒÓÔÕÖØŌŎŐ", "O"), ("òóôõöøōŏő", "o"),
            ("ŔŖŘ", "R"), ("ŕŗř", "r"), ("ŚŜŞŠ", "S"), ("śŝşš", "s"), ("ŢŤŦ", "T"), ("ţťŧ", "t"),
            ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ùúûüũūŭůűų", "u"), ("Ŵ", "W"), ("ŵ", "w"), ("ÝŶŸ", "Y"), ("ýÿŷ", "y"),
            ("ŹŻŽ", "Z"), ("źżž", "z"), ("ß", "ss"), ("Æ", "AE"), ("æ", "ae"), ("Œ", "OE"), ("œ", "oe"), ("Þ", "Th"), ("þ", "th"),
        };
        var table = new Dictionary<char, string>();
        foreach (var (letters, ascii) in groups)
            foreach (var letter in letters) table[letter] = ascii;
        return table;
    }

    public static string Transliterate(string text)
    {
        var output = new StringBuilder(text.Length);
        foreach (var c in text)
            output.Append(c < 128 ? c.ToString() : Table.GetValueOrDefault(c, "?"));
        return output.ToString();
    }
}
