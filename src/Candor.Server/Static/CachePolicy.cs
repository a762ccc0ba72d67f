using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Candor.Server.Static;

/// <summary>
/// How long browsers may keep a file. A name carrying a content hash (<c>app.3f9a1c2e.js</c>) changes
/// whenever its content does, so it can be cached for a year without asking again. HTML is always
/// revalidated (cheap: ETag/Last-Modified give a 304) so a rebuilt page shows at once. Everything else
/// gets GitHub Pages' ten minutes.
/// </summary>
public static partial class CachePolicy
{
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";
    public const string Short = "public, max-age=600";

    public static string For(string fileName) =>
        fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) ? Revalidate
        : Fingerprinted().IsMatch(fileName) ? Immutable
        : Short;

    internal static void Apply(HttpResponse response, string fileName) => response.Headers.CacheControl = For(fileName);

    /// <summary><c>name.&lt;8 or more hex digits&gt;.ext</c>, as asset pipelines (jekyll-assets, webpack, esbuild) write them.</summary>
    [GeneratedRegex(@"^.+\.[0-9a-fA-F]{8,}\.[A-Za-z0-9]+$")]
    private static partial Regex Fingerprinted();
}
