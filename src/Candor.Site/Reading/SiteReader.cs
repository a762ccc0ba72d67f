using System.Globalization;
using System.Text.RegularExpressions;
using Candor.Site.Configuration;
using Candor.Site.Documents;
using Candor.Site.Ruby;

namespace Candor.Site.Reading;

/// <summary>
/// Walks a site's source the way Jekyll's reader does: layouts, data, pages and static files in every
/// non-special folder, <c>_posts</c>/<c>_drafts</c> in any of them, and the configured collections.
/// Problems are collected per file so one bad file does not hide the others.
/// </summary>
public sealed partial class SiteReader
{
    private readonly SiteConfig _config;
    private readonly EntryFilter _filter;
    private readonly FrontMatterDefaults _defaults;
    private readonly IReadOnlySet<string> _markdown;
    private readonly DateTimeOffset _now;
    private readonly SiteContent _site;

    public SiteReader(SiteConfig config, DateTimeOffset now)
    {
        _config = config;
        _filter = new EntryFilter(config);
        _defaults = new FrontMatterDefaults(config);
        _markdown = config.MarkdownExtensions;
        _now = now;
        _site = new SiteContent { Config = config };
    }

    public static SiteContent Read(SiteConfig config, DateTimeOffset now) => new SiteReader(config, now).Read();

    private SiteContent Read()
    {
        ReadLayouts();
        _site.Data = DataReader.Read(Path.Combine(_config.Source, _config.DataDir), _config.Source, _filter, _config.TimeZone, _site.Errors);
        _site.Collections["posts"] = [];
        ReadDirectory("");
        foreach (var (label, meta) in _config.Collections.Where(c => c.Label != "posts"))
            ReadCollection(label, meta);
        foreach (var (label, meta) in _config.Collections)
            CollectionOrder.Sort(_site.Collections[label], meta, _now);
        _site.Pages.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name) is var c && c != 0 ? c : string.CompareOrdinal(a.RelativePath, b.RelativePath));
        _site.StaticFiles.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return _site;
    }

    private string Relative(string path) => Path.GetRelativePath(_config.Source, path).Replace('\\', '/');

    private void ReadLayouts()
    {
        var folder = Path.Combine(_config.Source, _config.LayoutsDir);
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var within = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (within.Split('/').Any(part => part.StartsWith('.'))) continue;
            var name = within[..within.LastIndexOf('.')];
            Guard(Relative(file), () =>
            {
                var fm = FrontMatter.Parse(File.ReadAllText(file), Relative(file), _config.TimeZone);
                _site.Layouts[name] = new Layout(name, Relative(file), fm.Data, fm.Content, fm.ContentLine);
            });
        }
    }

    private void ReadDirectory(string relativeDir)
    {
        var full = Path.Combine(_config.Source, relativeDir);
        var destination = _config.Destination.TrimEnd(Path.DirectorySeparatorChar);
        var entries = Directory.EnumerateFileSystemEntries(full).Order(StringComparer.Ordinal).ToList();
        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            var relative = relativeDir.Length == 0 ? name : relativeDir + "/" + name;
            if (Directory.Exists(entry))
            {
                if (name == "_posts") { ReadPosts(entry, relativeDir, draft: false); continue; }
                if (name == "_drafts") { if (_config.ShowDrafts) ReadPosts(entry, relativeDir, draft: true); continue; }
                if (entry.TrimEnd(Path.DirectorySeparatorChar) == destination) continue;
                if (!_filter.Accepts(relative, isDirectory: true)) continue;
                if (new DirectoryInfo(entry).LinkTarget is not null) continue; // like Jekyll's safe mode: no symlinks
                ReadDirectory(relative);
                continue;
            }
            if (!_filter.Accepts(relative, isDirectory: false)) continue;
            if (new FileInfo(entry).LinkTarget is not null) continue;
            Guard(relative, () =>
            {
                if (FrontMatter.ReadIfPresent(entry) is { } text) _site.Pages.Add(ReadPage(text, relative));
                else _site.StaticFiles.Add(Static(entry, relative, null));
            });
        }
    }

    private StaticFile Static(string path, string relative, string? collection, string? url = null) =>
        new(relative, path, url ?? Permalink.EscapePath("/" + relative), collection, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero).ToOffset(_config.TimeZone.GetUtcOffset(DateTime.UtcNow)));

    private Document ReadPage(string text, string relative)
    {
        var fm = FrontMatter.Parse(text, relative, _config.TimeZone);
        var data = _defaults.For(relative, "pages");
        FrontMatterDefaults.DeepMerge(data, fm.Data);
        var ext = Path.GetExtension(relative);
        var markdown = _markdown.Contains(ext.ToLowerInvariant());
        var page = new Document
        {
            Kind = DocumentKind.Page,
            RelativePath = relative,
            Data = data,
            FileFrontMatter = fm.Data,
            RawContent = fm.Content,
            ContentLine = fm.ContentLine,
            IsMarkdown = markdown,
            OutputExtension = PermalinkExtension(data) ?? (markdown ? ".html" : Converters.Sass.SassConverter.Handles(ext) ? ".css" : ext),
        };
        if (data.GetValueOrDefault("date") is { } date) page.Date = ParseDate(date, relative);
        page.Url = DocumentUrl.ForPage(page, _config.PermalinkStyle);
        return page;
    }

    private static string? PermalinkExtension(Dictionary<string, object?> data)
    {
        if (data.GetValueOrDefault("permalink") is not { } p) return null;
        var permalink = RubyText.ToS(p);
        if (permalink.Length == 0 || permalink.EndsWith('/')) return null;
        var ext = Path.GetExtension(permalink);
        return ext.Length > 0 ? ext : null;
    }

    private void ReadPosts(string folder, string parentDir, bool draft)
    {
        var meta = _config.Collections.First(c => c.Label == "posts").Metadata;
        var candidates = new List<(string File, string Relative, string Within)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Relative(file);
            var within = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (within.Split('/').Any(part => part.Length == 0 || part[0] is '.' or '_' or '#' or '~') || within.EndsWith('~')) continue;
            if (_filter.IsExcluded(relative, false)) continue;
            var match = draft ? DatelessName().Match(within) : DatedName().Match(within);
            if (match.Success) candidates.Add((file, relative, within));
        }
        var categories = parentDir.Length == 0 ? [] : parentDir.Split('/').ToList<object?>();
        // Posts are most of a big site and independent of each other: read and parse them in parallel,
        // then add them in file order so everything downstream stays deterministic.
        var results = candidates.AsParallel().AsOrdered().Select(c => Attempt(c.Relative, () =>
        {
            var text = FrontMatter.ReadIfPresent(c.File);
            if (text is null) return (Document: (Document?)null, Static: (StaticFile?)Static(c.File, c.Relative, "posts"));
            return (ReadDocument(text, c.Relative, "posts", meta, c.Within, new List<object?>(categories), draft), null);
        })).ToList();
        foreach (var (value, error) in results)
        {
            if (error is not null) _site.Errors.Add(error);
            if (value.Static is { } staticFile) _site.StaticFiles.Add(staticFile);
            if (value.Document is { } doc) _site.Collections["posts"].Add(doc);
        }
    }

    private void ReadCollection(string label, Dictionary<string, object?> meta)
    {
        var folder = Path.Combine(_config.Source, _config.CollectionsDir, "_" + label);
        var docs = _site.Collections[label] = [];
        var files = _site.CollectionFiles[label] = [];
        if (!Directory.Exists(folder)) return;
        var output = meta.GetValueOrDefault("output") is true;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Relative(file);
            var within = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (within.Split('/').Any(part => part[0] is '.' or '_' or '#' or '~') || within.EndsWith('~')) continue;
            if (_filter.IsExcluded(relative, false)) continue;
            Guard(relative, () =>
            {
                if (FrontMatter.ReadIfPresent(file) is { } text)
                {
                    var doc = ReadDocument(text, relative, label, meta, within, [], draft: false);
                    if (doc is not null) docs.Add(doc);
                }
                else
                {
                    var template = CollectionTemplate(label, meta);
                    var cleaned = within[..^Path.GetExtension(within).Length];
                    var url = Permalink.Expand(template, new Dictionary<string, string?>
                    {
                        ["collection"] = label, ["path"] = cleaned, ["output_ext"] = Path.GetExtension(within),
                        ["name"] = Slug.Make(Path.GetFileNameWithoutExtension(within)), ["title"] = "",
                    });
                    if (url.EndsWith('/')) url += Path.GetFileName(within);
                    if (output) files.Add(Static(file, relative, label, url));
                }
            });
        }
    }

    private string CollectionTemplate(string label, Dictionary<string, object?> meta) =>
        meta.GetValueOrDefault("permalink") is { } p && RubyText.ToS(p).Length > 0
            ? Permalink.Template(RubyText.ToS(p))
            : Permalink.AddSuffix("/:collection/:path", _config.PermalinkStyle);

    /// <summary>A collection document with Jekyll's derived data: title, slug, date, categories, tags.</summary>
    private Document? ReadDocument(string text, string relative, string label, Dictionary<string, object?> meta,
        string within, List<object?> pathCategories, bool draft)
    {
        var file = Path.Combine(_config.Source, relative);
        var fm = FrontMatter.Parse(text, relative, _config.TimeZone);
        var data = _defaults.For(relative, label);
        // Jekyll merges categories from the folder path first, then those of the front matter.
        var categories = new List<object?>(pathCategories);
        if (fm.Data.GetValueOrDefault("categories") is { } fmCategories)
            foreach (var c in Plural(fmCategories)) if (!categories.Contains(c)) categories.Add(c);
        FrontMatterDefaults.DeepMerge(data, fm.Data);
        data["categories"] = categories;

        string slug;
        string? fileDate = null;
        var dated = DatedName().Match(within);
        if (dated.Success) { fileDate = dated.Groups[1].Value; slug = dated.Groups[2].Value; }
        else slug = Path.GetFileNameWithoutExtension(within);
        slug = slug.TrimEnd('.');
        var ext = Path.GetExtension(within);
        data.TryAdd("title", string.Join(' ', slug.Split('-').Select(Capitalize)));
        if (data.GetValueOrDefault("title") is null) data["title"] = string.Join(' ', slug.Split('-').Select(Capitalize));
        data.TryAdd("slug", slug);
        data.TryAdd("ext", ext);

        DateTimeOffset date;
        if (data.GetValueOrDefault("date") is { } explicitDate) date = ParseDate(explicitDate, relative);
        else if (fileDate is not null) date = ParseDate(fileDate, relative);
        else if (draft) date = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero).ToOffset(_config.TimeZone.GetUtcOffset(DateTime.UtcNow));
        else date = _now;
        data["date"] = date;

        // populate_categories: the front matter's singular/plural keys are appended again, then de-duplicated.
        var all = new List<object?>(categories);
        all.AddRange(Pluralized(data, "category", "categories"));
        data["categories"] = all.Select(RubyText.ToS).Distinct().ToList<object?>();
        data["tags"] = Pluralized(data, "tag", "tags").Select(t => (object?)t).ToList();
        data["draft"] = draft;

        if (data.GetValueOrDefault("published") is false && !_config.Unpublished) return null;
        if (date > _now && !_config.Future) return null;

        var markdown = _markdown.Contains(ext.ToLowerInvariant());
        var doc = new Document
        {
            Kind = DocumentKind.CollectionDocument,
            RelativePath = relative,
            Data = data,
            FileFrontMatter = fm.Data,
            RawContent = fm.Content,
            ContentLine = fm.ContentLine,
            Collection = label,
            IsDraft = draft,
            IsMarkdown = markdown,
            OutputExtension = PermalinkExtension(data) ?? (markdown ? ".html" : ext),
            Writes = meta.GetValueOrDefault("output") is true,
            Date = date,
        };
        doc.Url = DocumentUrl.ForDocument(doc, CollectionTemplate(label, meta), within);
        return doc;
    }

    private static string Capitalize(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();

    /// <summary>Jekyll's <c>pluralized_array_from_hash</c>: the singular key wins; a plural string splits on spaces.</summary>
    private static List<string> Pluralized(Dictionary<string, object?> data, string singular, string plural)
    {
        if (data.TryGetValue(singular, out var one) && one is not null)
            return one is List<object?> l ? l.Where(x => x is not null).Select(RubyText.ToS).ToList() : [RubyText.ToS(one)];
        return data.TryGetValue(plural, out var many) ? Plural(many).Select(RubyText.ToS).ToList() : [];
    }

    private static List<object?> Plural(object? value) => value switch
    {
        string s => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList<object?>(),
        List<object?> list => list.Where(x => x is not null).ToList(),
        null => [],
        _ => [value],
    };

    private DateTimeOffset ParseDate(object value, string file) => value switch
    {
        DateTimeOffset d => d,
        _ when RubyDate.TryParse(RubyText.ToS(value), _config.TimeZone, out var parsed) => parsed,
        _ => throw new SiteException(file, FrontMatter.LineOf(Path.Combine(_config.Source, file), "date"),
            $"invalid date '{RubyText.ToS(value)}': expected a date like 2024-03-01 or 2024-03-01 10:30:00 +0100"),
    };

    /// <summary>Like <see cref="Guard"/>, but returns the error instead of recording it (safe in parallel).</summary>
    private static (T Value, SiteError? Error) Attempt<T>(string relative, Func<T> read)
    {
        try
        {
            return (read(), null);
        }
        catch (SiteException e)
        {
            return (default!, e.ToError());
        }
        catch (ArgumentException e)
        {
            return (default!, new SiteError(relative, null, e.Message));
        }
        catch (IOException e)
        {
            return (default!, new SiteError(relative, null, $"cannot read: {e.Message}"));
        }
    }

    private void Guard(string relative, Action read)
    {
        try
        {
            read();
        }
        catch (SiteException e)
        {
            _site.Errors.Add(e.ToError());
        }
        catch (ArgumentException e)
        {
            _site.Errors.Add(new SiteError(relative, null, e.Message));
        }
        catch (IOException e)
        {
            _site.Errors.Add(new SiteError(relative, null, $"cannot read: {e.Message}"));
        }
    }

    [GeneratedRegex(@"\A(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)\z")]
    private static partial Regex DatedName();
    [GeneratedRegex(@"\A(?:.+/)*(.*)(\.[^.]+)\z")]
    private static partial Regex DatelessName();
}
