using Candor.Site.Markdown;
using Candor.Site.Ruby;
using Candor.Site.Yaml;

namespace Candor.Site.Configuration;

/// <summary>
/// A site's <c>_config.yml</c> over Jekyll 4.3's defaults. <see cref="Values"/> is what Liquid sees as
/// <c>site.*</c>; the typed properties are what the build itself needs.
/// </summary>
public sealed class SiteConfig
{
    private static readonly string[] DefaultExcludes =
        [".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules", "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/"];

    private SiteConfig(string source, Dictionary<string, object?> values)
    {
        Source = source;
        Values = values;
        TimeZone = ReadTimeZone(values);
    }

    /// <summary>Absolute path of the site's source folder.</summary>
    public string Source { get; }
    /// <summary>The merged configuration, as Liquid's <c>site</c> shows it.</summary>
    public Dictionary<string, object?> Values { get; }
    public TimeZoneInfo TimeZone { get; }

    public string Destination => Path.GetFullPath(Str("destination") ?? "_site", Source);
    public string BaseUrl => (Str("baseurl") ?? "").TrimEnd('/');
    public string Url => (Str("url") ?? "").TrimEnd('/');
    public string PermalinkStyle => Str("permalink") ?? "date";
    public string LayoutsDir => Str("layouts_dir") ?? "_layouts";
    public string IncludesDir => Str("includes_dir") ?? "_includes";
    public string DataDir => Str("data_dir") ?? "_data";
    public string CollectionsDir => Str("collections_dir") ?? "";
    public string ExcerptSeparator => Str("excerpt_separator") ?? "\n\n";
    public bool Future { get => Bool("future"); set => Values["future"] = value; }
    public bool ShowDrafts { get => Bool("show_drafts"); set => Values["show_drafts"] = value; }
    public bool Unpublished => Bool("unpublished");
    public int Paginate => Values.GetValueOrDefault("paginate") is long n ? (int)n : 0;
    public string PaginatePath => Str("paginate_path") ?? "/page:num";
    public IReadOnlyList<string> Exclude => List("exclude");
    public IReadOnlyList<string> Include => List("include");
    public IReadOnlyList<string> KeepFiles => List("keep_files");
    public IReadOnlyList<string> Plugins => List("plugins").Concat(List("gems")).ToList();

    public IReadOnlySet<string> MarkdownExtensions =>
        (Str("markdown_ext") ?? "markdown,mkdown,mkdn,mkd,md").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(e => "." + e.ToLowerInvariant()).ToHashSet();

    public bool HasPlugin(string name) => Plugins.Contains(name);

    /// <summary>Collections by label, <c>posts</c> first as in Jekyll, each with its metadata hash.</summary>
    public IReadOnlyList<(string Label, Dictionary<string, object?> Metadata)> Collections
    {
        get
        {
            var result = new List<(string, Dictionary<string, object?>)>();
            var configured = Values.GetValueOrDefault("collections");
            var posts = new Dictionary<string, object?> { ["output"] = true, ["permalink"] = PermalinkStyle };
            var labels = new List<(string, Dictionary<string, object?>)>();
            switch (configured)
            {
                case Dictionary<string, object?> map:
                    foreach (var (label, meta) in map)
                        labels.Add((label, meta as Dictionary<string, object?> ?? new()));
                    break;
                case List<object?> list:
                    foreach (var label in list) labels.Add((RubyText.ToS(label), new()));
                    break;
            }
            var postMeta = labels.FirstOrDefault(l => l.Item1 == "posts").Item2;
            if (postMeta is not null) foreach (var (k, v) in postMeta) posts[k] = v;
            result.Add(("posts", posts));
            result.AddRange(labels.Where(l => l.Item1 != "posts"));
            return result;
        }
    }

    public MarkdownSettings MarkdownSettings()
    {
        var settings = new MarkdownSettings();
        if (Values.GetValueOrDefault("kramdown") is not Dictionary<string, object?> k) return settings;
        if (k.GetValueOrDefault("auto_ids") is bool ids) settings.AutoIds = ids;
        if (k.GetValueOrDefault("auto_id_prefix") is string prefix) settings.AutoIdPrefix = prefix;
        if (k.GetValueOrDefault("hard_wrap") is bool wrap) settings.HardWrap = wrap;
        if (k.GetValueOrDefault("footnote_nr") is long nr) settings.FootnoteNumber = (int)nr;
        if (k.GetValueOrDefault("smart_quotes") is string quotes)
            settings.SmartQuotes = quotes.Split(',', StringSplitOptions.TrimEntries);
        return settings;
    }

    /// <summary>Reads <c>_config.yml</c> (or the given files, later ones winning) from <paramref name="source"/>.</summary>
    public static SiteConfig Load(string source, IReadOnlyList<string>? configFiles = null, IReadOnlyDictionary<string, object?>? overrides = null)
    {
        source = Path.GetFullPath(source);
        var values = Defaults(source);
        var files = configFiles ?? ["_config.yml", "_config.yaml"];
        var zone = TimeZoneInfo.Local;
        foreach (var name in files)
        {
            var path = Path.GetFullPath(name, source);
            if (!File.Exists(path))
            {
                if (configFiles is not null) throw new SiteException(name, null, "configuration file not found");
                continue;
            }
            var text = File.ReadAllText(path);
            if (string.IsNullOrWhiteSpace(text)) continue;
            var file = YamlData.ParseMapping(text, Path.GetRelativePath(source, path), zone);
            if (file.GetValueOrDefault("timezone") is string tz) zone = FindZone(tz, name);
            foreach (var (k, v) in file) values[k] = v;
            if (configFiles is null) break; // Jekyll reads _config.yml, or _config.yaml when there is none.
        }
        if (overrides is not null) foreach (var (k, v) in overrides) values[k] = v;
        values["source"] = source;
        var exclude = List(values, "exclude").Concat(DefaultExcludes).Distinct().ToList<object?>();
        values["exclude"] = exclude;
        if (values.GetValueOrDefault("baseurl") is null) values["baseurl"] = null;
        return new SiteConfig(source, values);
    }

    private static Dictionary<string, object?> Defaults(string source) => new()
    {
        ["source"] = source,
        ["destination"] = Path.Combine(source, "_site"),
        ["collections_dir"] = "",
        ["cache_dir"] = ".jekyll-cache",
        ["plugins_dir"] = "_plugins",
        ["layouts_dir"] = "_layouts",
        ["data_dir"] = "_data",
        ["includes_dir"] = "_includes",
        ["collections"] = new Dictionary<string, object?>(),
        ["safe"] = false,
        ["include"] = new List<object?> { ".htaccess" },
        ["exclude"] = new List<object?>(),
        ["keep_files"] = new List<object?> { ".git", ".svn" },
        ["encoding"] = "utf-8",
        ["markdown_ext"] = "markdown,mkdown,mkdn,mkd,md",
        ["strict_front_matter"] = false,
        ["show_drafts"] = null,
        ["limit_posts"] = 0L,
        ["future"] = false,
        ["unpublished"] = false,
        ["whitelist"] = new List<object?>(),
        ["plugins"] = new List<object?>(),
        ["markdown"] = "kramdown",
        ["highlighter"] = "rouge",
        ["lsi"] = false,
        ["excerpt_separator"] = "\n\n",
        ["incremental"] = false,
        ["detach"] = false,
        ["port"] = "4000",
        ["host"] = "127.0.0.1",
        ["baseurl"] = null,
        ["show_dir_listing"] = false,
        ["permalink"] = "date",
        ["paginate_path"] = "/page:num",
        ["timezone"] = null,
        ["quiet"] = false,
        ["verbose"] = false,
        ["defaults"] = new List<object?>(),
        ["liquid"] = new Dictionary<string, object?> { ["error_mode"] = "warn", ["strict_filters"] = false, ["strict_variables"] = false },
        ["kramdown"] = new Dictionary<string, object?>
        {
            ["auto_ids"] = true,
            ["toc_levels"] = new List<object?> { 1L, 2L, 3L, 4L, 5L, 6L },
            ["entity_output"] = "as_char",
            ["smart_quotes"] = "lsquo,rsquo,ldquo,rdquo",
            ["input"] = "GFM",
            ["hard_wrap"] = false,
            ["guess_lang"] = true,
            ["footnote_nr"] = 1L,
            ["show_warnings"] = false,
        },
    };

    private static TimeZoneInfo ReadTimeZone(Dictionary<string, object?> values) =>
        values.GetValueOrDefault("timezone") is string tz ? FindZone(tz, "_config.yml") : TimeZoneInfo.Local;

    private static TimeZoneInfo FindZone(string id, string file)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new SiteException(file, null, $"unknown timezone '{id}'");
        }
    }

    private string? Str(string key) => Values.GetValueOrDefault(key) is { } v ? RubyText.ToS(v) : null;
    private bool Bool(string key) => Values.GetValueOrDefault(key) is true;
    private IReadOnlyList<string> List(string key) => List(Values, key);

    private static List<string> List(Dictionary<string, object?> values, string key) => values.GetValueOrDefault(key) switch
    {
        List<object?> list => list.Where(v => v is not null).Select(RubyText.ToS).ToList(),
        string s => [s],
        _ => [],
    };
}
