namespace Candor.Site.Documents;

/// <summary>A file copied as it is (no front matter), or one of a collection's files.</summary>
public sealed record StaticFile(string RelativePath, string SourcePath, string Url, string? Collection, DateTimeOffset Modified)
{
    public string Name => Path.GetFileName(RelativePath);
    /// <summary>Where it is written below the destination.</summary>
    public string DestinationPath => Permalink.UnescapePath(Url).TrimStart('/');

    /// <summary>The hash Liquid sees in <c>site.static_files</c>.</summary>
    public Dictionary<string, object?> ToLiquid() => new(StringComparer.Ordinal)
    {
        ["name"] = Name,
        ["extname"] = Path.GetExtension(RelativePath),
        ["modified_time"] = Modified,
        ["path"] = "/" + RelativePath,
        ["collection"] = Collection,
        ["basename"] = Path.GetFileNameWithoutExtension(RelativePath),
        ["url"] = Url,
    };
}
