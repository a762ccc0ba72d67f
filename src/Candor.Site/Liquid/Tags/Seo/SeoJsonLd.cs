namespace Candor.Site.Liquid.Tags.Seo;

/// <summary>
/// jekyll-seo-tag's JSON-LD block: schema.org data about the page. The gem writes the keys sorted by name
/// and leaves out those without a value; nested hashes keep the order in which it builds them.
/// </summary>
internal static class SeoJsonLd
{
    private static readonly string[] EntityTypes = ["BlogPosting", "CreativeWork"];
    private static readonly string[] AuthorTypes = ["Organization", "Person"];

    public static Dictionary<string, object?> Build(SeoDrop drop)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["@context"] = "https://schema.org",
            ["@type"] = drop.Type,
            ["author"] = Author(drop),
            ["dateModified"] = drop.DateModified,
            ["datePublished"] = drop.DatePublished,
            ["description"] = drop.Description,
            ["headline"] = drop.PageTitle,
            ["image"] = Image(drop),
            ["mainEntityOfPage"] = EntityTypes.Contains(drop.Type)
                ? new Dictionary<string, object?> { ["@type"] = "WebPage", ["@id"] = drop.CanonicalUrl }
                : null,
            ["name"] = drop.Name,
            ["publisher"] = Publisher(drop),
            ["sameAs"] = drop.Links,
            ["url"] = drop.CanonicalUrl,
        };
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in values) if (v is not null) result[k] = v;
        return result;
    }

    private static Dictionary<string, object?>? Author(SeoDrop drop)
    {
        if (drop.AuthorName is not { } name) return null;
        var type = drop.Author.GetValueOrDefault("type") is { } t ? Ruby.RubyText.ToS(t) : null;
        if (type is not null && !AuthorTypes.Contains(type)) return null;
        var hash = new Dictionary<string, object?> { ["@type"] = type ?? "Person", ["name"] = name };
        if (drop.Author.GetValueOrDefault("url") is { } url) hash["url"] = url;
        return hash;
    }

    /// <summary>A bare URL for a plain image; for an image hash its fields, then url and @type.</summary>
    private static object? Image(SeoDrop drop)
    {
        if (drop.Image is not { } image) return null;
        if (image.Count == 1) return image["path"];
        // A new hash rather than Remove + add: .NET's Dictionary would reuse the removed slot and reorder.
        var hash = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in image) if (k != "path") hash[k] = v;
        hash["url"] = image["path"];
        hash["@type"] = "imageObject";
        return hash;
    }

    private static Dictionary<string, object?>? Publisher(SeoDrop drop)
    {
        if (drop.Logo is not { } logo) return null;
        var output = new Dictionary<string, object?>
        {
            ["@type"] = "Organization",
            ["logo"] = new Dictionary<string, object?> { ["@type"] = "ImageObject", ["url"] = logo },
        };
        if (drop.AuthorName is { } name) output["name"] = name;
        return output;
    }
}
