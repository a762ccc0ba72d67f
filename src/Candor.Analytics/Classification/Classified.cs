namespace Candor.Analytics.Classification;

/// <summary>
/// Everything the classify step derives from the IP, user agent, URL tags and referrer — and all that survives of
/// the IP and user agent: names, <c>major.minor</c> versions, a country code.
/// </summary>
public sealed record Classified(UserAgentInfo UserAgent, string? Country, TrafficSource Source)
{
    public static readonly Classified Unknown = new(new UserAgentInfo(null, null, null, null, DeviceTypes.Desktop), null, TrafficSource.None);
}

/// <summary>Why an event was not recorded; the endpoint counts these in <c>x-plausible-dropped</c>.</summary>
public enum DropReason
{
    Bot,
    ReferrerSpam,
    UnknownSite,
    /// <summary>An engagement event with no live session to attach to (Plausible drops these too).</summary>
    NoLiveSession,
}
