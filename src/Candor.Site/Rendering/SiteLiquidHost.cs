using System.Collections.Concurrent;
using Candor.Site.Configuration;
using Candor.Site.Documents;
using Candor.Site.Liquid;
using Candor.Site.Markdown;

namespace Candor.Site.Rendering;

/// <summary>The site as Jekyll's Liquid tags and filters see it: includes, URLs, converters, lookups.</summary>
public sealed class SiteLiquidHost(SiteConfig config, KramdownConverter markdown) : ILiquidHost
{
    private readonly ConcurrentDictionary<string, (string Text, string Path)?> _files = new(StringComparer.Ordinal);
    private Dictionary<string, string> _posts = new(StringComparer.Ordinal);
    private Dictionary<string, string> _links = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, SiteError> _warnings = new(StringComparer.Ordinal);

    public string BaseUrl => config.BaseUrl;

    /// <summary>Warnings of the renders so far, each once (a layout renders the same warning for every page).</summary>
    public IReadOnlyList<SiteError> Warnings => _warnings.Values.OrderBy(w => w.File, StringComparer.Ordinal).ThenBy(w => w.Line).ToList();

    public void Warn(SiteError warning) => _warnings.TryAdd(warning.ToString(), warning);

    private readonly ConcurrentDictionary<string, byte> _videos = new(StringComparer.Ordinal);

    /// <summary>YouTube ids the renders so far showed a placeholder for, sorted.</summary>
    public IReadOnlyList<string> Videos => _videos.Keys.Order(StringComparer.Ordinal).ToList();

    public void VideoRendered(string id) => _videos.TryAdd(id, 0);
    public string Url => config.Url;
    public TimeZoneInfo TimeZone => config.TimeZone;

    /// <summary>Indexes posts and files for <c>post_url</c> and <c>link</c> once reading is done.</summary>
    public void Index(IEnumerable<Document> documents, IEnumerable<StaticFile> files)
    {
        var posts = new Dictionary<string, string>(StringComparer.Ordinal);
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            links[doc.RelativePath] = doc.Url;
            if (doc.Collection != "posts") continue;
            var name = doc.RelativePath;
            var folder = doc.IsDraft ? "_drafts/" : "_posts/";
            var at = name.IndexOf(folder, StringComparison.Ordinal);
            if (at < 0) continue;
            var within = name[(at + folder.Length)..];
            var key = within[..^doc.Extension.Length];
            posts.TryAdd(key, doc.Url);
            // post_url also accepts the name without sub-folders and a leading category path.
            posts.TryAdd(Path.GetFileName(key), doc.Url);
            if (at > 0) posts.TryAdd(name[..at] + key, doc.Url);
        }
        foreach (var file in files) links[file.RelativePath] = file.Url;
        _posts = posts;
        _links = links;
    }

    public (string Text, string Path)? FindInclude(string name)
    {
        if (!IsSafe(name)) return null;
        var relative = config.IncludesDir + "/" + name;
        return Read(relative);
    }

    public (string Text, string Path)? FindRelativeInclude(string name, string relativeTo)
    {
        var dir = relativeTo.Contains('/') ? relativeTo[..relativeTo.LastIndexOf('/')] : "";
        var relative = Path.GetRelativePath(config.Source, Path.GetFullPath(Path.Combine(config.Source, dir, name))).Replace('\\', '/');
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return null;
        return Read(relative);
    }

    /// <summary>Forgets cached include text (serve mode, after a file changed).</summary>
    public void Forget() => _files.Clear();

    private (string Text, string Path)? Read(string relative) => _files.GetOrAdd(relative, r =>
    {
        var full = Path.Combine(config.Source, r);
        return File.Exists(full) ? (File.ReadAllText(full), r) : null;
    });

    private static bool IsSafe(string name) =>
        name.Length > 0 && !name.Contains("..") && !name.StartsWith('/') && !name.Contains('\\') && !name.Contains('\0');

    public string Markdownify(string text) => markdown.Convert(text);
    public string Smartify(string text) => markdown.Smartify(text);
    // URLs without baseurl: the post_url and link tags put it in front, as Jekyll 4 does.
    public string? PostUrl(string name) => _posts.GetValueOrDefault(name.Trim());
    public string? LinkUrl(string relativePath) => _links.GetValueOrDefault(relativePath.Trim().TrimStart('/'));
}
