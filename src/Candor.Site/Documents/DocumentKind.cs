namespace Candor.Site.Documents;

public enum DocumentKind
{
    /// <summary>A file with front matter outside any collection.</summary>
    Page,
    /// <summary>A document of a collection (posts included).</summary>
    CollectionDocument,
    /// <summary>A page made by a generator (pagination, redirects) rather than read from a file.</summary>
    Generated,
}
