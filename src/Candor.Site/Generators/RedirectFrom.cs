using System.Text;
using System.Text.Json;
using Candor.Site.Documents;
using Candor.Site.Reading;
using Candor.Site.Ruby;

namespace Candor.Site.Generators;

/// <summary>
/// jekyll-redirect-from: a stub page for each <c>redirect_from</c> path, <c>redirect_to</c> turning a page
/// into a stub, and <c>redirects.json</c> listing them all. Stubs use the site's <c>redirect</c> layout,
/// or the plugin's own.
/// </summary>
public static class RedirectFrom
{
    public const string PluginName = "jekyll-redirect-from";

    private const string StubLayout = """
        <!DOCTYPE html>
        <html lang="en-US">
          <meta charset="utf-8">
          <title>Redirecting&hellip;</title>
          <link rel="canonical" href="{{ page.redirect.to }}">
          <script>location="{{ page.redirect.to }}"</script>
          <meta http-equiv="refresh" content="0; url={{ page.redirect.to }}">
          <meta name="robots" content="noindex">
          <h1>Redirecting&hellip;</h1>
          <a href="{{ page.redirect.to }}">Click here if you are not redirected.</a>
        </html>

        """;

    public static void Generate(SiteContent site)
    {
        var config = site.Config;
        if (!config.HasPlugin(PluginName)) return;
        site.Layouts.TryAdd("redirect", new Layout("redirect", "_layouts/redirect.html (jekyll-redirect-from)", [], StubLayout, 1));
        var redirects = new Dictionary<string, string>(StringComparer.Ordinal);
        var sources = site.Collections.Values.SelectMany(d => d).Where(d => d.Writes).Concat(site.Pages).ToList();
        foreach (var doc in sources)
        {
            foreach (var from in From(doc))
            {
                var stub = Stub(EnsureSlash(from), Absolute(config, doc.Url));
                site.Pages.Add(stub);
                redirects[EnsureSlash(from)] = Absolute(config, doc.Url);
            }
            if (To(doc) is { } to)
            {
                var target = to.StartsWith("http://") || to.StartsWith("https://") ? to : Absolute(config, to);
                doc.Data["sitemap"] = false;
                doc.Data["layout"] = "redirect";
                doc.Data["permalink"] = doc.Url;
                doc.Data["redirect"] = new Dictionary<string, object?> { ["from"] = doc.Url, ["to"] = target };
                doc.RawContent = "";
                redirects[doc.Url] = target;
            }
        }
        var json = config.Values.GetValueOrDefault("redirect_from") is Dictionary<string, object?> opts && opts.GetValueOrDefault("json") is false;
        if (json || File.Exists(Path.Combine(config.Source, "redirects.json"))) return;
        site.Pages.Add(new Document
        {
            Kind = DocumentKind.Generated,
            RelativePath = "redirects.json",
            Data = new Dictionary<string, object?> { ["layout"] = null },
            RawContent = RubyJson(redirects),
            OutputExtension = ".json",
            Url = "/redirects.json",
        });
    }

    private static Document Stub(string from, string to) => new()
    {
        Kind = DocumentKind.Generated,
        RelativePath = "redirect.html",
        Data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["sitemap"] = false,
            ["layout"] = "redirect",
            ["permalink"] = from,
            ["redirect"] = new Dictionary<string, object?> { ["from"] = from, ["to"] = to },
        },
        RawContent = "",
        OutputExtension = ".html",
        Url = Permalink.Expand(from, new Dictionary<string, string?>()),
    };

    private static IEnumerable<string> From(Document doc) => doc.Data.GetValueOrDefault("redirect_from") switch
    {
        null => [],
        List<object?> list => list.Where(x => x is not null).Select(RubyText.ToS),
        var one => [RubyText.ToS(one)],
    };

    private static string? To(Document doc) => doc.Data.GetValueOrDefault("redirect_to") switch
    {
        null => null,
        List<object?> list => list.FirstOrDefault(x => x is not null) is { } first ? RubyText.ToS(first) : null,
        var one => RubyText.ToS(one),
    };

    private static string EnsureSlash(string path) => path.StartsWith('/') ? path : "/" + path;

    private static string Absolute(Configuration.SiteConfig config, string url) => config.Url + config.BaseUrl + EnsureSlash(url);

    /// <summary>Ruby's <c>Hash#to_json</c>: compact, <c>/</c> and non-ASCII left as they are.</summary>
    private static string RubyJson(Dictionary<string, string> map)
    {
        var sb = new StringBuilder("{");
        var first = true;
        foreach (var (k, v) in map)
        {
            if (!first) sb.Append(',');
            first = false;
            sb.Append(JsonString(k)).Append(':').Append(JsonString(v));
        }
        return sb.Append('}').ToString();
    }

    private static string JsonString(string s) =>
        JsonSerializer.Serialize(s, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
