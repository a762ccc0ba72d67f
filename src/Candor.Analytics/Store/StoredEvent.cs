namespace Candor.Analytics.Store;

/// <summary>
/// One event as the store keeps it. This is the only type that reaches the buffer and the store, and it
/// has no field that could hold an IP address or a user agent: privacy invariant 1 is enforced by what
/// this record can express (a test checks its fields), not by code remembering to drop them.
/// </summary>
public sealed record StoredEvent
{
    /// <summary>Server time, UTC, whole seconds.</summary>
    public required DateTime Timestamp { get; init; }
    public required string Site { get; init; }
    public required string Name { get; init; }
    public required ulong VisitorId { get; init; }
    public required ulong SessionId { get; init; }
    public required string Hostname { get; init; }
    public required string Pathname { get; init; }
    /// <summary>Host + path of the referrer, no scheme, query or trailing slash; null when none or same site.</summary>
    public string? Referrer { get; init; }
    public string? UtmSource { get; init; }
    public string? UtmMedium { get; init; }
    public string? UtmCampaign { get; init; }
    public string? UtmContent { get; init; }
    public string? UtmTerm { get; init; }
    /// <summary>Browser name and <c>major.minor</c> version, folded as Plausible shows them; null when unknown.</summary>
    public string? Browser { get; init; }
    public string? BrowserVersion { get; init; }
    public string? Os { get; init; }
    public string? OsVersion { get; init; }
    /// <summary>Desktop, Mobile or Tablet (from the user agent); null only for events recorded without classification.</summary>
    public string? Device { get; init; }
    /// <summary>ISO 3166-1 alpha-2 country code; null for non-public or unknown addresses.</summary>
    public string? Country { get; init; }
    /// <summary>The effective source: utm_source, else source, else ref, else <see cref="ReferrerSource"/>.</summary>
    public string? Source { get; init; }
    /// <summary>The external referrer mapped to a known name ("Google") or its host.</summary>
    public string? ReferrerSource { get; init; }
    /// <summary>Which ad click id parameter the URL carried ("gclid", …) — the name only, never its value.</summary>
    public string? ClickIdParam { get; init; }
    /// <summary>The acquisition channel ("Organic Search", "Direct", …) from <see cref="Classification.Channels"/>.</summary>
    public string? Channel { get; init; }
    public bool Interactive { get; init; } = true;
    /// <summary>Engagement events only: 0–100, or 255 for "not reported".</summary>
    public byte? ScrollDepth { get; init; }
    public long? EngagementMilliseconds { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Props { get; init; } = [];
}
