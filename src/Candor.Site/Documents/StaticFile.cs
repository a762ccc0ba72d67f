namespace Candor.Site.Documents;

/// <summary>A file copied as it is (no front matter), or one of a collection's files.</summary>
public sealed record StaticFile(string RelativePath, string SourcePath, string Url, string? Collection, DateTimeOffset Modified)
{
    public string Name => Path.GetFileName(RelativePath);
    /// <summary>Where it is written below the destination.</summary>
    public string DestinationPath => Permalink.UnescapePath(Url).TrimStart('/');

    /// <summary>Ruby's <c>File.extname</c>: a leading dot does not start an extension (".htaccess" has none).</summary>
    private static string RubyExtension(string name)
    {
        var trimmed = name.TrimStart('.');
        var dot = trimmed.LastIndexOf('.');
        return dot <= 0 || dot == trimmed.Length - 1 ? "" : trimmed[dot..];
    }

    /// <summary>The hash Liquid sees in <c>site.static_files</c>.</summary>
    public Dictionary<string, object?> ToLiquid() => new(StringComparer.Ordinal)
    {
        ["name"] = Name,
        ["extname"] = RubyExtension(Name),
        ["modified_time"] = Modified,
        ["path"] = "/" + RelativePath,
        ["collection"] = Collection,
        ["basename"] = Name[..^RubyExtension(Name).Length],
        ["url"] = Url,
    };
}
