using Candor.Analytics.Query;

namespace Candor.Analytics.Api.V1;

/// <summary>The properties v1 filters and breaks down by (no time dimensions), and the short keys of breakdown rows.</summary>
public static class V1Properties
{
    public static bool IsValid(string property) =>
        Dimension.TryParse(property, out var dimension) && !dimension.IsTime;

    /// <summary>The row key of a breakdown: <c>visit:source</c> → <c>source</c>, <c>event:props:plan</c> → <c>plan</c>.</summary>
    public static string ShortName(Dimension dimension) =>
        dimension.PropKey ?? dimension.Name[(dimension.Name.IndexOf(':') + 1)..];

    /// <summary>
    /// What a breakdown groups by: a version is only meaningful with its browser or OS, so Plausible groups by both
    /// and the rows carry both keys.
    /// </summary>
    public static IReadOnlyList<Dimension> BreakdownDimensions(Dimension property) => property.Name switch
    {
        "visit:browser_version" => [Dimension.Parse("visit:browser"), property],
        "visit:os_version" => [Dimension.Parse("visit:os"), property],
        _ => [property],
    };
}
