namespace Candor.Privacy.Consent;

/// <summary>
/// Whether a built site shows videos even though the configuration does not mention them (a page using
/// <c>{% youtube %}</c>): the player's origin must then be allowed to frame, or the click would do nothing.
/// </summary>
public static class VideoDetection
{
    /// <summary>What the site's video placeholder carries (<c>Candor.Site</c>'s <c>YouTubeTag</c>).</summary>
    public const string Marker = "data-candor-embed=\"video\"";

    /// <summary>Looks through the site's HTML once at start-up, stopping at the first video.</summary>
    public static bool SiteHasVideos(string siteRoot)
    {
        if (!Directory.Exists(siteRoot)) return false;
        foreach (var file in Directory.EnumerateFiles(siteRoot, "*.html", SearchOption.AllDirectories))
        {
            try
            {
                if (File.ReadAllText(file).Contains(Marker, StringComparison.Ordinal)) return true;
            }
            catch (IOException)
            {
            }
        }
        return false;
    }
}
