using System.Text;
using System.Text.RegularExpressions;

namespace Candor.Site.Documents;

/// <summary>
/// Jekyll's permalink templates: named styles, <c>:placeholder</c> expansion with path escaping, and
/// URL sanitising (no <c>//</c>, no <c>..</c>, leading slash).
/// </summary>
public static partial class Permalink
{
    /// <summary>The template a built-in style stands for, or the text itself when it is a pattern.</summary>
    public static string Template(string style) => style switch
    {
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext",
        "none" => "/:categories/:title:output_ext",
        _ => style,
    };

    /// <summary>Jekyll's <c>Utils.add_permalink_suffix</c>: how a page's URL ends under the site's style.</summary>
    public static string AddSuffix(string template, string style) => style switch
    {
        "pretty" => template + "/",
        "date" or "ordinal" or "none" => template + ":output_ext",
        _ => template + (style.EndsWith('/') ? "/" : "") + (style.EndsWith(":output_ext") ? ":output_ext" : ""),
    };

    /// <summary>Replaces <c>:name</c> placeholders; an unknown placeholder is an error naming it.</summary>
    public static string Expand(string template, IReadOnlyDictionary<string, string?> placeholders)
    {
        var url = Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            // ":title_" style names let a placeholder be followed by letters.
            string? key = placeholders.ContainsKey(name) ? name
                : name.EndsWith('_') && placeholders.ContainsKey(name[..^1]) ? name[..^1] : null;
            if (key is null) throw new ArgumentException($"the permalink template '{template}' uses :{name}, which is not a known placeholder");
            var replaced = EscapePath(placeholders[key] ?? "");
            // Jekyll replaces only ":title" in ":title_", so the underscore stays.
            return key == name ? replaced : replaced + "_";
        });
        return Sanitize(Slashes().Replace(url, "/"));
    }

    /// <summary>Jekyll's <c>URL.sanitize_url</c>.</summary>
    public static string Sanitize(string url)
    {
        var s = "/" + url;
        s = s.Replace("..", "/").Replace("./", "");
        return Slashes().Replace(s, "/");
    }

    /// <summary>Percent-encodes what Addressable's path normalisation would (spaces, non-ASCII, reserved).</summary>
    public static string EscapePath(string path)
    {
        var sb = new StringBuilder(path.Length);
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (b < 128 && (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".Contains(c))) sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }

    /// <summary>A URL back to the file-system path it is written to.</summary>
    public static string UnescapePath(string url) => Uri.UnescapeDataString(url);

    [GeneratedRegex(@":([a-z_]+)")]
    private static partial Regex Placeholder();
    [GeneratedRegex(@"/{2,}")]
    private static partial Regex Slashes();
}
