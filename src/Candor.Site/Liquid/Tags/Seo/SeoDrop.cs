using System.Text.RegularExpressions;
using Candor.Site.Liquid.Filters;
using Candor.Site.Ruby;

namespace Candor.Site.Liquid.Tags.Seo;

/// <summary>
/// What jekyll-seo-tag 2.8 knows about the page being rendered (its <c>Drop</c>, <c>AuthorDrop</c> and
/// <c>ImageDrop</c>), computed from the <c>page</c>, <c>site</c> and <c>paginator</c> hashes and exposed to
/// <see cref="SeoTemplate"/> as <c>seo_tag</c>. Titles and descriptions go through <see cref="SeoText.Format"/>.
/// </summary>
internal sealed partial class SeoDrop
{
    public const string Version = "2.8.0";
    private const string TitleSeparator = " | ";

    private readonly ILiquidHost _host;
    private readonly IReadOnlyDictionary<string, object?> _page;
    private readonly IReadOnlyDictionary<string, object?> _site;
    private readonly IReadOnlyDictionary<string, object?>? _paginator;
    private readonly Func<object?, string> _xmlSchema;

    public SeoDrop(ILiquidHost host, IReadOnlyDictionary<string, object?> page, IReadOnlyDictionary<string, object?> site,
        IReadOnlyDictionary<string, object?>? paginator, Func<object?, string> xmlSchema)
    {
        _host = host;
        _page = page;
        _site = site;
        _paginator = paginator;
        _xmlSchema = xmlSchema;
        SiteTitle = Format(_site.GetValueOrDefault("title") ?? _site.GetValueOrDefault("name"));
        SiteDescription = Format(_site.GetValueOrDefault("description"));
        var tagline = Format(_site.GetValueOrDefault("tagline"));
        PageTitle = Format(_page.GetValueOrDefault("title")) ?? SiteTitle;
        Title = SiteTitle is not null && PageTitle != SiteTitle ? PageTitle + TitleSeparator + SiteTitle
            : SiteDescription is not null && SiteTitle is not null ? SiteTitle + TitleSeparator + (tagline ?? SiteDescription)
            : PageTitle ?? SiteTitle;
        if (Title is not null && PageNumber() is { } number) Title = number + Title;
        Description = Format(Truthy(_page.GetValueOrDefault("description")) ? _page["description"] : _page.GetValueOrDefault("excerpt")) ?? SiteDescription;
        Author = ResolveAuthor();
        CanonicalUrl = Str(_page.GetValueOrDefault("canonical_url")) is { Length: > 0 } canonical
            ? canonical
            : IndexHtml().Replace(UrlFilters.Absolute(_host, Str(_page.GetValueOrDefault("url")) ?? ""), "/");
        Image = ResolveImage();
    }

    public string? SiteTitle { get; }
    public string? SiteDescription { get; }
    public string? PageTitle { get; }
    public string? Title { get; }
    public string? Description { get; }
    public string CanonicalUrl { get; }
    public Dictionary<string, object?> Author { get; }
    /// <summary>The image hash (<c>path</c> made absolute and escaped, plus height/width/alt…), or null.</summary>
    public Dictionary<string, object?>? Image { get; }

    private IReadOnlyDictionary<string, object?> PageSeo => _page.GetValueOrDefault("seo") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
    private IReadOnlyDictionary<string, object?> SiteSocial => _site.GetValueOrDefault("social") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();

    /// <summary><c>seo_tag</c> as the template sees it.</summary>
    public Dictionary<string, object?> ToLiquid(string markup) => new(StringComparer.Ordinal)
    {
        ["version"] = Version,
        // {% seo title=false %} leaves the <title> to the layout.
        ["show_title"] = Title is not null && !Regex.IsMatch(markup, "title=false", RegexOptions.IgnoreCase),
        ["title"] = Title,
        ["page_title"] = PageTitle,
        ["site_title"] = SiteTitle,
        ["description"] = Description,
        ["author"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = AuthorName, ["twitter"] = AuthorTwitter },
        ["page_locale"] = PageLocale,
        ["canonical_url"] = CanonicalUrl,
        ["image"] = Image,
        ["json_ld"] = SeoJsonLd.Build(this),
    };

    public string? AuthorName => Author.GetValueOrDefault("name") is { } n ? RubyText.ToS(n) : null;

    private string? AuthorTwitter => (Author.GetValueOrDefault("twitter") ?? Author.GetValueOrDefault("name")) is string t ? LeadingAt().Replace(t, "") : null;

    private string PageLocale
    {
        get
        {
            var lang = Str(_page.GetValueOrDefault("lang")) ?? Str(_site.GetValueOrDefault("lang")) ?? "en_US";
            return (Str(_page.GetValueOrDefault("locale")) ?? Str(_site.GetValueOrDefault("locale")) ?? lang).Replace('-', '_');
        }
    }

    public bool IsHomeOrAbout => HomeOrAbout().IsMatch(Str(_page.GetValueOrDefault("url")) ?? "");

    public string Type => Str(PageSeo.GetValueOrDefault("type")) ?? (IsHomeOrAbout ? "WebSite" : _page.GetValueOrDefault("date") is not null ? "BlogPosting" : "WebPage");

    public string? Name =>
        PageSeo.GetValueOrDefault("name") is { } seoName ? Format(seoName)
        : !IsHomeOrAbout ? null
        : SiteSocial.GetValueOrDefault("name") is { } socialName ? Format(socialName)
        : SiteTitle;

    public object? Links => PageSeo.GetValueOrDefault("links") ?? (IsHomeOrAbout ? SiteSocial.GetValueOrDefault("links") : null);

    public string? Logo => _site.GetValueOrDefault("logo") is { } logo ? UrlFilters.UriEscape(AbsoluteUnlessAbsolute(RubyText.ToS(logo))) : null;

    public string? DatePublished => _page.GetValueOrDefault("date") is { } date ? _xmlSchema(date) : null;

    public string? DateModified =>
        (PageSeo.GetValueOrDefault("date_modified") ?? _page.GetValueOrDefault("last_modified_at") ?? _page.GetValueOrDefault("date")) is { } date ? _xmlSchema(date) : null;

    /// <summary>"Page 2 of 5 for " on paginated pages after the first (<c>seo_paginator_message</c> overrides).</summary>
    private string? PageNumber()
    {
        if (_paginator?.GetValueOrDefault("page") is not long current || current <= 1) return null;
        var total = RubyText.ToS(_paginator.GetValueOrDefault("total_pages"));
        var message = Str(_site.GetValueOrDefault("seo_paginator_message")) ?? "Page %<current>s of %<total>s for ";
        return message.Replace("%<current>s", current.ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("%<total>s", total);
    }

    /// <summary>The page's author, then the first of its authors, then the site's; a name looks up _data/authors.</summary>
    private Dictionary<string, object?> ResolveAuthor()
    {
        var sources = new List<object?> { _page.GetValueOrDefault("author") };
        if (_page.GetValueOrDefault("authors") is List<object?> authors) sources.Add(authors.FirstOrDefault());
        sources.Add(_site.GetValueOrDefault("author"));
        var resolved = sources.FirstOrDefault(s => s is not null && RubyText.ToS(s).Length > 0);
        switch (resolved)
        {
            case IReadOnlyDictionary<string, object?> hash:
                return new Dictionary<string, object?>(hash, StringComparer.Ordinal);
            case string name:
                var result = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = name };
                if ((_site.GetValueOrDefault("data") as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("authors") is IReadOnlyDictionary<string, object?> all
                    && all.GetValueOrDefault(name) is IReadOnlyDictionary<string, object?> data)
                    foreach (var (k, v) in data) result[k] = v;
                return result;
            default:
                return new Dictionary<string, object?>(StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// <c>image:</c> as a path or a hash (path, height, width, alt…); keys keep the gem's order: <c>path</c>
    /// first, then the hash's own. Null when there is no path (nor facebook/twitter image).
    /// </summary>
    private Dictionary<string, object?>? ResolveImage()
    {
        var hash = new Dictionary<string, object?>(StringComparer.Ordinal) { ["path"] = null };
        switch (_page.GetValueOrDefault("image"))
        {
            case IReadOnlyDictionary<string, object?> meta:
                foreach (var (k, v) in meta) hash[k] = v;
                break;
            case string path:
                hash["path"] = path;
                break;
        }
        var raw = hash["path"] ?? hash.GetValueOrDefault("facebook") ?? hash.GetValueOrDefault("twitter");
        if (raw is null) return null;
        var absolute = raw is string s ? AbsoluteUnlessAbsolute(s) : RubyText.ToS(raw);
        hash["path"] = UrlFilters.UriEscape(absolute);
        return hash;
    }

    private string AbsoluteUnlessAbsolute(string url) => AbsoluteUri().IsMatch(url) ? url : UrlFilters.Absolute(_host, url);

    private string? Format(object? value) => SeoText.Format(_host, value is null ? null : RubyText.ToS(value));

    private static string? Str(object? value) => value is null ? null : RubyText.ToS(value);

    private static bool Truthy(object? value) => value is not null and not false;

    [GeneratedRegex(@"^/(about/)?(index.html?)?$")]
    private static partial Regex HomeOrAbout();
    [GeneratedRegex(@"/index\.html$")]
    private static partial Regex IndexHtml();
    [GeneratedRegex("^@")]
    private static partial Regex LeadingAt();
    // Addressable's URI#absolute?: the URL has a scheme.
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex AbsoluteUri();
}
