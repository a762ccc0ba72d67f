using System.Text;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace Candor.Site.Liquid.Filters;

/// <summary>Jekyll's URL filters: <c>relative_url</c>, <c>absolute_url</c>, <c>cgi_escape</c>, <c>uri_escape</c>.</summary>
internal static partial class UrlFilters
{
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    public static FilterCollection WithUrlFilters(this FilterCollection filters, ILiquidHost host)
    {
        filters.AddFilter("relative_url", (input, _, context) => Url(input, context, url => Relative(host, url)));
        filters.AddFilter("absolute_url", (input, _, context) => Url(input, context, url =>
            host.Url.Length == 0 ? Relative(host, url) : Normalize(host.Url + Relative(host, url))));
        filters.AddFilter("cgi_escape", (input, _, _) => new(new StringValue(Escape(input.S(), "_.-~", spaceAsPlus: true))));
        filters.AddFilter("uri_escape", (input, _, _) => new(new StringValue(Escape(input.S(), "_.-~!#$&'()*+,/:;=?@[]%", spaceAsPlus: false))));
        return filters;
    }

    // A document or page value (a hash with `url`) stands for its URL, as in Jekyll.
    private static async ValueTask<FluidValue> Url(FluidValue input, TemplateContext context, Func<string, string> make)
    {
        if (input.IsNil()) return NilValue.Instance;
        if (input is Values.HashValue) input = await input.GetValueAsync("url", context);
        var text = input.S();
        return new StringValue(Scheme().IsMatch(text) ? text : make(text));
    }

    /// <summary>Jekyll's relative_url: the site's baseurl in front of a path, which Jekyll 4's post_url and link tags also apply.</summary>
    public static string Relative(ILiquidHost host, string input)
    {
        var baseUrl = host.BaseUrl.TrimEnd('/');
        if (baseUrl.Length > 0 && baseUrl[0] != '/') baseUrl = "/" + baseUrl;
        if (input.Length > 0 && input[0] != '/') input = "/" + input;
        return Normalize(baseUrl + input);
    }

    /// <summary>Jekyll's absolute_url on a string, for plugin tags that call the filter from code.</summary>
    internal static string Absolute(ILiquidHost host, string input) =>
        Scheme().IsMatch(input) ? input : host.Url.Length == 0 ? Relative(host, input) : Normalize(host.Url + Relative(host, input));

    /// <summary>Jekyll's uri_escape on a string.</summary>
    internal static string UriEscape(string input) => Escape(input, "_.-~!#$&'()*+,/:;=?@[]%", spaceAsPlus: false);

    // Addressable's normalize percent-encodes what cannot appear in a URL (spaces, non-ASCII).
    private static string Normalize(string url) => Escape(url, "_.-~!#$&'()*+,/:;=?@[]%", spaceAsPlus: false);

    private static string Escape(string text, string keep, bool spaceAsPlus)
    {
        var output = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (b < 128 && (char.IsAsciiLetterOrDigit(c) || keep.Contains(c))) output.Append(c);
            else if (c == ' ' && spaceAsPlus) output.Append('+');
            else output.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return output.ToString();
    }
}
