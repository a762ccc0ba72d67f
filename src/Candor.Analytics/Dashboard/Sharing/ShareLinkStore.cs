using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Candor.Analytics.Dashboard.Sharing;

/// <summary>
/// The share links of a data folder, in <c>DATA/share-links.json</c> (written by <c>candor share create</c>, read by the
/// server). The file is re-read when it changes, so a link created while the server runs works at once. Writes go
/// to a temporary file then replace the old one, so a reader never sees half a file. Passwords are hashes only.
/// </summary>
public sealed class ShareLinkStore(string dataFolder, TimeProvider time)
{
    public const string FileName = "share-links.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly object _gate = new();
    private (DateTime Stamp, long Length, IReadOnlyList<ShareLink> Links) _cache = (DateTime.MinValue, -1, []);

    public string FilePath => Path.Combine(dataFolder, FileName);

    /// <summary>Adds a link for <paramref name="site"/>, with a password if one is given, and returns it.</summary>
    public ShareLink Create(string site, string? password)
    {
        var link = new ShareLink(site, ShareLink.NewSlug(), password is null ? null : SharePassword.Create(password), time.GetUtcNow());
        lock (_gate) Write(Read().Append(link).ToList());
        return link;
    }

    /// <summary>Deletes the link with this slug; false when there is none. A running server stops honouring it at once.</summary>
    public bool Revoke(string slug)
    {
        lock (_gate)
        {
            var links = Read();
            var kept = links.Where(l => l.Slug != slug).ToList();
            if (kept.Count == links.Count) return false;
            Write(kept);
            return true;
        }
    }

    private void Write(IReadOnlyList<ShareLink> links)
    {
        Directory.CreateDirectory(dataFolder);
        var temporary = FilePath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(links, Json));
        File.Move(temporary, FilePath, overwrite: true);
    }

    /// <summary>The link of this site with this slug, or null (the slug compared in constant time).</summary>
    public ShareLink? Find(string site, string? slug)
    {
        if (string.IsNullOrEmpty(slug) || slug.Length > 64) return null;
        var wanted = Encoding.ASCII.GetBytes(slug);
        ShareLink? found = null;
        foreach (var link in Links())
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(link.Slug), wanted) && link.Site == site) found = link;
        return found;
    }

    public IReadOnlyList<ShareLink> Links()
    {
        lock (_gate) return Read();
    }

    private IReadOnlyList<ShareLink> Read()
    {
        var file = new FileInfo(FilePath);
        if (!file.Exists) return [];
        if (file.LastWriteTimeUtc == _cache.Stamp && file.Length == _cache.Length) return _cache.Links;
        IReadOnlyList<ShareLink> links;
        try
        {
            links = JsonSerializer.Deserialize<List<ShareLink>>(File.ReadAllText(file.FullName), Json) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file.FullName}: not a list of share links ({e.Message}); fix or delete the file.", e);
        }
        _cache = (file.LastWriteTimeUtc, file.Length, links);
        return links;
    }
}
