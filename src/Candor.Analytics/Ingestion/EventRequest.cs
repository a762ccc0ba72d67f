namespace Candor.Analytics.Ingestion;

/// <summary>
/// One validated <c>POST /api/event</c> body, normalised the way Plausible does it.
/// It holds nothing about the sender: the IP address and user agent come from the HTTP request and
/// never enter this type, so nothing built from it can leak them (privacy invariant 1).
/// </summary>
public sealed record EventRequest
{
    /// <summary>Event name: "pageview", "engagement" or a custom goal name (≤ 120 chars).</summary>
    public required string Name { get; init; }

    /// <summary>Site domains the event is for (from <c>d</c>, or the URL's host), lower case, <c>www.</c> removed.</summary>
    public required IReadOnlyList<string> Domains { get; init; }

    /// <summary>The page's host without <c>www.</c>; <c>(none)</c> for <c>file:</c> URLs.</summary>
    public required string Hostname { get; init; }

    /// <summary>Percent-decoded path, <c>/</c> when empty; with <c>#fragment</c> in hash mode.</summary>
    public required string Pathname { get; init; }

    /// <summary>The referrer as sent (≤ 2000 chars), or null.</summary>
    public string? Referrer { get; init; }

    /// <summary>The query parameters worth keeping (utm_*, source, ref, click ids); the rest of the query is dropped.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>Custom properties, values stringified, at most 30, in the order sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Props { get; init; } = [];

    /// <summary>False for events that must not clear a bounce (the tracker's <c>interactive: false</c>).</summary>
    public bool Interactive { get; init; } = true;

    /// <summary>Set only for <c>engagement</c> events.</summary>
    public Engagement? Engagement { get; init; }

    public bool IsPageview => Name == EventNames.Pageview;
    public bool IsEngagement => Name == EventNames.Engagement;
}

/// <summary>What an <c>engagement</c> event reports: how far the visitor scrolled and for how long they were engaged.</summary>
/// <param name="ScrollDepth">0–100 percent, or <see cref="UnknownScrollDepth"/> when not sent.</param>
/// <param name="EngagedMilliseconds">Engaged time in ms, or null when not sent.</param>
public sealed record Engagement(byte ScrollDepth, long? EngagedMilliseconds)
{
    /// <summary>Plausible's marker for "scroll depth not reported".</summary>
    public const byte UnknownScrollDepth = 255;
}

public static class EventNames
{
    public const string Pageview = "pageview";
    public const string Engagement = "engagement";
}
