namespace Candor.Analytics.Query;

/// <summary>
/// Something to break down or filter by, named as Plausible's Stats API v2 names it: <c>event:page</c>,
/// <c>event:hostname</c>, <c>event:name</c>, <c>event:goal</c>, <c>event:props:KEY</c>, <c>visit:entry_page</c>,
/// <c>visit:exit_page</c>, <c>visit:source</c>, <c>visit:referrer</c>, <c>visit:channel</c>, <c>visit:utm_source</c>
/// (… <c>_medium</c>, <c>_campaign</c>, <c>_content</c>, <c>_term</c>), <c>visit:country</c>, <c>visit:browser</c>,
/// <c>visit:browser_version</c>, <c>visit:os</c>, <c>visit:os_version</c>, <c>visit:device</c>, and the time
/// dimensions <c>time</c>, <c>time:minute</c>, <c>time:hour</c>, <c>time:day</c>, <c>time:week</c>, <c>time:month</c>.
/// Stats API v1 uses the same names for <c>property</c>.
/// </summary>
public sealed record Dimension
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "event:page", "event:hostname", "event:name", "event:goal",
        "visit:entry_page", "visit:exit_page", "visit:source", "visit:referrer", "visit:channel",
        "visit:utm_source", "visit:utm_medium", "visit:utm_campaign", "visit:utm_content", "visit:utm_term",
        "visit:country", "visit:browser", "visit:browser_version", "visit:os", "visit:os_version", "visit:device",
        "time", "time:minute", "time:hour", "time:day", "time:week", "time:month",
    };

    private const string PropPrefix = "event:props:";

    private Dimension(string name) => Name = name;

    /// <summary>The API name, e.g. <c>visit:source</c>.</summary>
    public string Name { get; }

    /// <summary>For <c>event:props:KEY</c>, the key; otherwise null.</summary>
    public string? PropKey => Name.StartsWith(PropPrefix, StringComparison.Ordinal) ? Name[PropPrefix.Length..] : null;

    public bool IsTime => Name == "time" || Name.StartsWith("time:", StringComparison.Ordinal);

    /// <summary>A <c>visit:</c> dimension is a property of the session (its first event); an <c>event:</c> one of each event.</summary>
    public bool IsVisit => Name.StartsWith("visit:", StringComparison.Ordinal);

    public static bool TryParse(string name, out Dimension dimension)
    {
        if (Known.Contains(name) || (name.StartsWith(PropPrefix, StringComparison.Ordinal) && name.Length > PropPrefix.Length))
        {
            dimension = new Dimension(name);
            return true;
        }
        dimension = null!;
        return false;
    }

    public static Dimension Parse(string name) =>
        TryParse(name, out var d) ? d : throw new ArgumentException($"Unknown dimension \"{name}\".", nameof(name));

    public override string ToString() => Name;
}
