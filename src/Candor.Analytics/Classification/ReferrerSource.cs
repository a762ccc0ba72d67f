namespace Candor.Analytics.Classification;

/// <summary>Where a visit came from, as Plausible derives it.</summary>
/// <param name="Source">What the Sources panel shows: a tagged source (<c>utm_source</c>, else <c>source</c>, else <c>ref</c>) if the URL has one, else <paramref name="ReferrerSourceName"/>.</param>
/// <param name="ReferrerSourceName">The external referrer alone, mapped to a known name ("Google") or left as its host; null when there is no external referrer.</param>
/// <param name="ClickIdParam">The name (never the value, which identifies a person) of the first ad click id in the URL, e.g. "gclid".</param>
public sealed record TrafficSource(string? Source, string? ReferrerSourceName, string? ClickIdParam)
{
    public static readonly TrafficSource None = new(null, null, null);
}

/// <summary>
/// The source step: URL tags and referrer → <see cref="TrafficSource"/>. Tagged parameters win because the
/// site owner chose them; a referrer from the page's own host or from localhost is navigation, not a source.
/// </summary>
public static class ReferrerSource
{
    /// <summary>Plausible's order of precedence for tagged sources.</summary>
    private static readonly string[] TagParameters = ["utm_source", "source", "ref"];

    /// <summary>Ad click ids Plausible recognises; only which one was present is kept.</summary>
    internal static readonly string[] ClickIds = ["gclid", "gbraid", "wbraid", "msclkid", "fbclid", "twclid"];

    public static TrafficSource Resolve(IReadOnlyList<KeyValuePair<string, string>> query, string? referrer, string pageHost, PublicSuffixList? suffixes = null)
    {
        string? tagged = null;
        foreach (var parameter in TagParameters)
        {
            tagged = Value(query, parameter);
            if (tagged is not null) break;
        }
        string? clickId = null;
        foreach (var id in ClickIds)
            if (Value(query, id) is not null) { clickId = id; break; }

        var referrerSource = ExternalHost(referrer, pageHost) is { } host ? KnownSources.NameOf(host, suffixes) ?? host : null;
        return new TrafficSource(tagged ?? referrerSource, referrerSource, clickId);
    }

    /// <summary>The referrer's www-stripped host when it is another site; null for none, own site or localhost.</summary>
    public static string? ExternalHost(string? referrer, string pageHost)
    {
        var host = Hosts.Of(referrer);
        if (host is null || host == "localhost" || host == Hosts.Plain(pageHost)) return null;
        return host;
    }

    private static string? Value(IReadOnlyList<KeyValuePair<string, string>> query, string key)
    {
        foreach (var (k, v) in query)
            if (k == key && !string.IsNullOrWhiteSpace(v)) return v.Trim();
        return null;
    }
}
