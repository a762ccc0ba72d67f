using Candor.Site.Documents;
using Candor.Site.Reading;

namespace Candor.Site.Rendering;

/// <summary>Builds the <c>site</c> and <c>jekyll</c> hashes templates see, once per build.</summary>
public static class SitePayload
{
    /// <summary>The Jekyll version whose behaviour Candor reproduces; sites test <c>jekyll.version</c>.</summary>
    public const string JekyllVersion = "4.3.1";

    public static Dictionary<string, object?> Jekyll() => new()
    {
        ["version"] = JekyllVersion,
        ["environment"] = Environment.GetEnvironmentVariable("JEKYLL_ENV") ?? "development",
    };

    public static Dictionary<string, object?> Site(SiteContent site, DateTimeOffset time)
    {
        var hash = new Dictionary<string, object?>(site.Config.Values, StringComparer.Ordinal);
        var posts = site.Posts.Reverse().Select(p => (object?)p.Liquid).ToList();
        hash["time"] = time;
        hash["posts"] = posts;
        hash["pages"] = site.Pages.Select(p => (object?)p.Liquid).ToList();
        hash["html_pages"] = site.Pages.Where(p => p.OutputExtension is ".html" or ".htm" or ".xhtml" || p.Url.EndsWith('/'))
            .Select(p => (object?)p.Liquid).ToList();
        var statics = site.StaticFiles.Concat(site.CollectionFiles.Values.SelectMany(f => f)).ToList();
        hash["static_files"] = statics.Select(f => (object?)f.ToLiquid()).ToList();
        hash["html_files"] = statics.Where(f => f.RelativePath.EndsWith(".html")).Select(f => (object?)f.ToLiquid()).ToList();
        hash["categories"] = Grouped(site.Posts, "categories");
        hash["tags"] = Grouped(site.Posts, "tags");
        hash["data"] = site.Data;
        hash["documents"] = site.Collections.Values.SelectMany(d => d).Select(d => (object?)d.Liquid).ToList();
        var collections = new List<object?>();
        foreach (var (label, meta) in site.Config.Collections)
        {
            var docs = (site.Collections.GetValueOrDefault(label) ?? []).Select(d => (object?)d.Liquid).ToList();
            var collection = new Dictionary<string, object?>(meta, StringComparer.Ordinal)
            {
                ["label"] = label,
                ["docs"] = docs,
                ["files"] = (site.CollectionFiles.GetValueOrDefault(label) ?? []).Select(f => (object?)f.ToLiquid()).ToList(),
                ["relative_directory"] = "_" + label,
                ["directory"] = Path.Combine(site.Config.Source, site.Config.CollectionsDir, "_" + label),
                ["output"] = meta.GetValueOrDefault("output") is true,
            };
            collections.Add(collection);
            if (label != "posts") hash[label] = docs;
        }
        hash["collections"] = collections;
        hash["related_posts"] = null; // only posts have related posts; see ForPost
        return hash;
    }

    /// <summary>
    /// <c>site</c> as one post sees it: Jekyll (without LSI) fills <c>site.related_posts</c> with the ten most
    /// recent posts other than the post itself; elsewhere it is nil.
    /// </summary>
    public static Dictionary<string, object?> ForPost(Dictionary<string, object?> site, Document post)
    {
        var recent = site.GetValueOrDefault("posts") as List<object?> ?? [];
        var view = new Dictionary<string, object?>(site, StringComparer.Ordinal)
        {
            ["related_posts"] = recent.Take(11).Where(p => !ReferenceEquals(p, post.Liquid)).Take(10).ToList(),
        };
        return view;
    }

    /// <summary><c>site.categories</c>/<c>site.tags</c>: name → posts, newest first, names in first-seen order.</summary>
    private static Dictionary<string, object?> Grouped(IReadOnlyList<Document> posts, string key)
    {
        var groups = new Dictionary<string, List<object?>>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            if (post.Data.GetValueOrDefault(key) is not List<object?> names) continue;
            foreach (var name in names.OfType<string>())
            {
                if (!groups.TryGetValue(name, out var list)) groups[name] = list = [];
                list.Add(post.Liquid);
            }
        }
        return groups.ToDictionary(g => g.Key, g => (object?)Enumerable.Reverse(g.Value).ToList(), StringComparer.Ordinal);
    }
}
