using Candor.Site.Documents;

namespace Candor.Site.Rendering;

/// <summary>
/// Fills <see cref="Document.Liquid"/>: the front matter plus the attributes Jekyll's Page and
/// DocumentDrop expose. Every key that rendering later updates (content, output, excerpt) is present
/// from the start, so parallel renders only overwrite values and never grow a shared dictionary.
/// </summary>
public static class LiquidDocument
{
    public static void Fill(Document doc, Document? previous, Document? next)
    {
        var hash = doc.Liquid;
        hash.Clear();
        foreach (var (k, v) in doc.Data) hash[k] = v;
        hash["content"] = doc.RawContent;
        hash["url"] = doc.Url;
        hash["output"] = null;
        if (doc.Kind == DocumentKind.CollectionDocument)
        {
            hash["collection"] = doc.Collection;
            hash["relative_path"] = doc.RelativePath;
            hash["path"] = doc.RelativePath;
            hash["id"] = Id(doc);
            hash["date"] = doc.Date;
            hash["next"] = next?.Liquid;
            hash["previous"] = previous?.Liquid;
            if (!hash.ContainsKey("excerpt")) hash["excerpt"] = null;
        }
        else
        {
            hash["dir"] = Dir(doc.Url);
            hash["name"] = doc.Name;
            hash["path"] = doc.Data.GetValueOrDefault("path") ?? doc.RelativePath;
            if (!hash.ContainsKey("excerpt")) hash["excerpt"] = null;
        }
    }

    /// <summary>Jekyll's <c>Document#id</c>: the URL's folder plus the unslugged slug, so spaces stay.</summary>
    public static string Id(Document doc)
    {
        var url = doc.Url.TrimEnd('/');
        var dir = url.Contains('/') ? url[..url.LastIndexOf('/')] : "";
        var slug = doc.Data.GetValueOrDefault("slug") is string s ? s : doc.BaseNameWithoutExtension;
        return (dir.Length == 0 ? "" : dir) + "/" + slug;
    }

    private static string Dir(string url) => url.EndsWith('/') ? url : url[..(url.LastIndexOf('/') + 1)];
}
