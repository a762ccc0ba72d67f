using System.Text.RegularExpressions;

namespace Candor.Site.Liquid.Tags.Embeds;

/// <summary>
/// Where a video's preview image lives in the site (<c>assets/previews/ID.jpg</c>), so the placeholder shows it
/// without asking YouTube's image servers; <c>candor previews fetch</c> downloads the missing ones.
/// </summary>
public static partial class VideoPreview
{
    public const string Folder = "assets/previews";

    /// <summary>A neutral 16:9 image written into the page when a preview has not been fetched: no request at all.</summary>
    public const string PlaceholderDataUrl =
        "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 480 270'%3E%3Crect width='480' height='270' fill='%23333'/%3E%3C/svg%3E";

    /// <summary>YouTube ids are 11 characters of base64url; anything else is a typo or an attempt to inject markup.</summary>
    public static bool IsVideoId(string id) => VideoId().IsMatch(id);

    public static string RelativePath(string id) => $"{Folder}/{id}.jpg";

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex VideoId();
}
