using Candor.Site.Configuration;
using Candor.Site.Documents;

namespace Candor.Site.Reading;

/// <summary>Everything read from a site's source, before rendering.</summary>
public sealed class SiteContent
{
    public required SiteConfig Config { get; init; }
    public List<Document> Pages { get; } = [];
    /// <summary>Documents per collection label, in Jekyll's order (date, then path); <c>posts</c> first.</summary>
    public Dictionary<string, List<Document>> Collections { get; } = new(StringComparer.Ordinal);
    /// <summary>Files of collections that have no front matter, per label.</summary>
    public Dictionary<string, List<StaticFile>> CollectionFiles { get; } = new(StringComparer.Ordinal);
    public List<StaticFile> StaticFiles { get; } = [];
    public Dictionary<string, Layout> Layouts { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, object?> Data { get; set; } = new(StringComparer.Ordinal);
    public List<SiteError> Errors { get; } = [];

    public IReadOnlyList<Document> Posts => Collections.GetValueOrDefault("posts") ?? [];

    /// <summary>Every document and page that is rendered, collections first as Jekyll renders them.</summary>
    public IEnumerable<Document> Renderables => Collections.Values.SelectMany(d => d).Concat(Pages);
}
