using Candor.Site.Documents;
using Candor.Site.Reading;
using Candor.Site.Ruby;

namespace Candor.Site.Generators.Feed;

/// <summary>
/// jekyll-feed 0.17: an Atom page (<see cref="FeedTemplate"/>) for the posts at <c>feed.path</c> (default
/// <c>/feed.xml</c>), plus one per configured category (<c>/feed/NAME.xml</c>), per configured collection
/// (<c>/feed/LABEL.xml</c>, <c>/feed/LABEL/CATEGORY.xml</c>) and, with <c>feed.tags</c>, per tag. A file
/// already at one of those paths in the source wins, as in the gem.
/// </summary>
public static class JekyllFeed
{
    public const string PluginName = "jekyll-feed";

    public static void Generate(SiteContent site)
    {
        var config = site.Config;
        if (!config.HasPlugin(PluginName)) return;
        var options = Options(config);
        if (options.GetValueOrDefault("disable_in_development") is { } off && Truthy(off) && Environment() == "development") return;

        foreach (var (collection, meta) in Collections(options))
        {
            foreach (var category in Categories(meta).Append(null))
            {
                var path = FeedPath(collection, category, meta);
                if (!Exists(site, path)) site.Pages.Add(Page(site, path, collection, category, tag: null));
            }
        }
        if (options.GetValueOrDefault("tags") is { } tags && Truthy(tags)) GenerateTagFeeds(site, tags);
    }

    /// <summary>The <c>feed:</c> hash of the configuration (empty when absent).</summary>
    internal static Dictionary<string, object?> Options(Configuration.SiteConfig config) =>
        config.Values.GetValueOrDefault("feed") as Dictionary<string, object?> ?? new();

    /// <summary>
    /// Collections to make feeds for, <c>posts</c> always included: <c>feed.collections</c> as a list of labels
    /// or a hash label → {path, categories}; the top-level <c>feed.path</c>/<c>feed.categories</c> configure posts.
    /// </summary>
    private static List<(string Label, Dictionary<string, object?> Meta)> Collections(Dictionary<string, object?> options)
    {
        var result = new List<(string, Dictionary<string, object?>)>();
        switch (options.GetValueOrDefault("collections"))
        {
            case List<object?> labels:
                foreach (var label in labels) result.Add((RubyText.ToS(label), new()));
                break;
            case Dictionary<string, object?> map:
                foreach (var (label, meta) in map) result.Add((label, meta as Dictionary<string, object?> ?? new()));
                break;
        }
        var index = result.FindIndex(c => c.Item1 == "posts");
        var posts = index >= 0 ? new Dictionary<string, object?>(result[index].Item2) : new Dictionary<string, object?>();
        posts["path"] = posts.GetValueOrDefault("path") ?? options.GetValueOrDefault("path");
        posts["categories"] = posts.GetValueOrDefault("categories") ?? options.GetValueOrDefault("categories");
        // Ruby hashes keep insertion order: a posts entry added by the gem comes after the configured ones.
        if (index >= 0) result[index] = ("posts", posts);
        else result.Add(("posts", posts));
        return result;
    }

    private static IEnumerable<string?> Categories(Dictionary<string, object?> meta) => meta.GetValueOrDefault("categories") switch
    {
        List<object?> list => list.Where(c => c is not null).Select(c => (string?)RubyText.ToS(c)).Distinct(),
        null => [],
        var one => [RubyText.ToS(one)],
    };

    private static string FeedPath(string collection, string? category, Dictionary<string, object?> meta)
    {
        var prefix = collection == "posts" ? "/feed" : "/feed/" + collection;
        if (category is not null) return $"{prefix}/{category}.xml";
        return meta.GetValueOrDefault("path") is { } path ? RubyText.ToS(path) : prefix + ".xml";
    }

    private static void GenerateTagFeeds(SiteContent site, object tagsOption)
    {
        var tagConfig = tagsOption as Dictionary<string, object?> ?? new();
        var siteTags = site.Posts.SelectMany(p => p.Data.GetValueOrDefault("tags") as List<object?> ?? []).Select(RubyText.ToS).Distinct().ToList();
        if (siteTags.Count == 0) return;
        var except = Strings(tagConfig.GetValueOrDefault("except"));
        var only = tagConfig.GetValueOrDefault("only") is { } o ? Strings(o) : siteTags;
        var folder = tagConfig.GetValueOrDefault("path") is { } p ? RubyText.ToS(p) : "/feed/by_tag/";
        foreach (var tag in only.Except(except))
        {
            // The gem keeps feed paths simple: only tags of letters, digits and underscores get one.
            if (!tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) continue;
            var path = folder + tag + ".xml";
            if (!Exists(site, path)) site.Pages.Add(Page(site, path, "posts", null, tag));
        }
    }

    private static List<string> Strings(object? value) => value switch
    {
        List<object?> list => list.Where(x => x is not null).Select(RubyText.ToS).ToList(),
        null => [],
        var one => [RubyText.ToS(one)],
    };

    private static bool Exists(SiteContent site, string path) =>
        File.Exists(Path.Combine(site.Config.Source, path.TrimStart('/')));

    private static Document Page(SiteContent site, string path, string collection, string? category, string? tag) => new()
    {
        Kind = DocumentKind.Generated,
        RelativePath = path.TrimStart('/'),
        Data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["layout"] = null,
            ["sitemap"] = false,
            ["xsl"] = Exists(site, "feed.xslt.xml"),
            ["collection"] = collection,
            ["category"] = category,
            ["tags"] = tag,
        },
        RawContent = FeedTemplate.Text,
        OutputExtension = Path.GetExtension(path),
        Url = path.StartsWith('/') ? path : "/" + path,
    };

    private static bool Truthy(object value) => value is not false;

    private static string Environment() => System.Environment.GetEnvironmentVariable("JEKYLL_ENV") ?? "development";
}
