namespace Candor.Site.Documents;

/// <summary>
/// Something the build renders: a page, a collection document (posts are one), or a generated page.
/// <see cref="Liquid"/> is the hash templates see as <c>page</c> (and inside <c>site.posts</c> etc.).
/// </summary>
public sealed class Document
{
    public required DocumentKind Kind { get; init; }
    /// <summary>Source-relative path with forward slashes (for generated pages, the path they imitate).</summary>
    public required string RelativePath { get; init; }
    /// <summary>Front matter merged over the defaults, plus what Jekyll derives (title, slug, date, categories…).</summary>
    public required Dictionary<string, object?> Data { get; init; }
    /// <summary>The front matter exactly as the file had it (serve compares it to spot content-only edits).</summary>
    public Dictionary<string, object?> FileFrontMatter { get; init; } = [];
    /// <summary>The text after the front matter, before Liquid and conversion.</summary>
    public required string RawContent { get; set; }
    /// <summary>Line of <see cref="RawContent"/>'s first line in the file, for error messages.</summary>
    public int ContentLine { get; init; } = 1;
    /// <summary>Collection label for collection documents; null for pages.</summary>
    public string? Collection { get; init; }
    public bool IsDraft { get; init; }
    /// <summary>Converted by Markdown before layouts.</summary>
    public bool IsMarkdown { get; init; }
    /// <summary>Extension of the written file (".html" for Markdown).</summary>
    public required string OutputExtension { get; init; }
    public string Url { get; set; } = "/";
    /// <summary>Is this document written to the destination (collections with <c>output: false</c> are not).</summary>
    public bool Writes { get; init; } = true;
    /// <summary>The document's date (posts, and documents with a <c>date</c>).</summary>
    public DateTimeOffset? Date { get; set; }
    /// <summary>Pagination state for the page that lists posts (jekyll-paginate).</summary>
    public Dictionary<string, object?>? Paginator { get; set; }
    /// <summary>The rendered and converted content before layouts.</summary>
    public string? Content { get; set; }
    /// <summary>The final text written to disk.</summary>
    public string? Output { get; set; }
    /// <summary>The hash Liquid sees; filled by <see cref="LiquidDocument"/>.</summary>
    public Dictionary<string, object?> Liquid { get; } = new(StringComparer.Ordinal);

    public string Name => System.IO.Path.GetFileName(RelativePath);
    public string BaseNameWithoutExtension => System.IO.Path.GetFileNameWithoutExtension(RelativePath);
    public string Extension => System.IO.Path.GetExtension(RelativePath);

    /// <summary>Where the document is written below the destination folder (Jekyll's <c>destination</c> rule).</summary>
    public string DestinationPath
    {
        get
        {
            var path = Permalink.UnescapePath(Url).TrimStart('/');
            // Jekyll differs here by kind: documents always get index.html, pages index + their extension.
            if (Url.EndsWith('/')) path += Kind == DocumentKind.CollectionDocument ? "index.html" : "index" + OutputExtension;
            else if (!path.EndsWith(OutputExtension, StringComparison.Ordinal) && OutputExtension != "") path += OutputExtension;
            return path;
        }
    }

    public override string ToString() => RelativePath;
}
