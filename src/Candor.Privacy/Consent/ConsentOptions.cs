namespace Candor.Privacy.Consent;

/// <summary>
/// Which third parties the site may involve, from <c>candor: embeds:</c> and <c>candor: ads:</c>. Each one widens
/// the Content-Security-Policy for exactly its origin; nothing configured means nothing widened.
/// </summary>
public sealed record ConsentOptions
{
    /// <summary>YouTube videos (<c>youtube-nocookie.com</c> frames, after a click).</summary>
    public bool Videos { get; init; }
    /// <summary>The Discourse forum comments load from after a click, e.g. <c>https://forum.example.org</c>.</summary>
    public Uri? Forum { get; init; }
    /// <summary>The ad script (Carbon-style); ads are on when set.</summary>
    public Uri? AdScript { get; init; }

    public bool AdsEnabled => AdScript is not null;
    /// <summary>Further origins the ad script loads the ad and its image from (<c>candor: ads: hosts:</c>).</summary>
    public IReadOnlyList<Uri> AdHosts { get; init; } = [];

    public const string VideoOrigin = "https://www.youtube-nocookie.com";

    /// <summary>Origins the browser may load frames from.</summary>
    public IEnumerable<string> FrameOrigins()
    {
        if (Videos) yield return VideoOrigin;
        if (Forum is not null) yield return Origin(Forum);
    }

    /// <summary>Origins the ad script (and the ad image it shows) come from.</summary>
    public IEnumerable<string> AdOrigins()
    {
        if (AdScript is null) yield break;
        yield return Origin(AdScript);
        foreach (var host in AdHosts) yield return Origin(host);
    }

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}
