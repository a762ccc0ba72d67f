namespace Candor.Analytics.Tracker;

/// <summary>
/// Which optional parts a tracker file carries, read from its name the way Plausible names its scripts:
/// <c>script.js</c>, <c>script.outbound-links.file-downloads.hash.js</c> (extensions in any order). Names
/// with an unknown or repeated extension are not trackers, so the site's own files of that name still serve.
/// </summary>
public sealed record TrackerVariant
{
    /// <summary>Plausible's extensions. <c>compat</c> and <c>revenue</c> are accepted so existing snippets keep
    /// working, but add nothing: <c>compat</c> exists for browsers without <c>document.currentScript</c> (none
    /// Candor supports), and revenue is not stored.</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.Ordinal)
    {
        "hash", "outbound-links", "file-downloads", "tagged-events", "pageview-props", "manual", "exclusions", "local", "compat", "revenue",
    };

    /// <summary>The extensions present, sorted, so every spelling of one variant shares a cache entry.</summary>
    public required string Key { get; init; }

    public bool Hash { get; init; }
    public bool OutboundLinks { get; init; }
    public bool FileDownloads { get; init; }
    public bool TaggedEvents { get; init; }
    public bool PageviewProps { get; init; }
    public bool Manual { get; init; }
    public bool Exclusions { get; init; }
    public bool Local { get; init; }

    public static readonly TrackerVariant Default = Parse("script.js")!;

    /// <summary>The variant a file name asks for, or null when the name is not a tracker's.</summary>
    public static TrackerVariant? Parse(string fileName)
    {
        if (!fileName.StartsWith("script", StringComparison.Ordinal) || !fileName.EndsWith(".js", StringComparison.Ordinal) || fileName.Length < 9) return null;
        var middle = fileName[6..^3];
        var parts = new SortedSet<string>(StringComparer.Ordinal);
        if (middle.Length > 0)
        {
            if (middle[0] != '.') return null;
            foreach (var part in middle[1..].Split('.'))
                if (!Extensions.Contains(part) || !parts.Add(part)) return null;
        }
        return new TrackerVariant
        {
            Key = string.Join('.', parts),
            Hash = parts.Contains("hash"),
            OutboundLinks = parts.Contains("outbound-links"),
            FileDownloads = parts.Contains("file-downloads"),
            TaggedEvents = parts.Contains("tagged-events"),
            PageviewProps = parts.Contains("pageview-props"),
            Manual = parts.Contains("manual"),
            Exclusions = parts.Contains("exclusions"),
            Local = parts.Contains("local"),
        };
    }
}
