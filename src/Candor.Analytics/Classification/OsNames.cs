namespace Candor.Analytics.Classification;

/// <summary>uap-core's OS families folded to the names Plausible's dashboard shows ("Mac OS X" → "Mac", "Linux" → "GNU/Linux").</summary>
internal static class OsNames
{
    private static readonly Dictionary<string, string> Folded = new(StringComparer.Ordinal)
    {
        ["Mac OS X"] = "Mac",
        ["Mac OS"] = "Mac",
        ["Linux"] = "GNU/Linux",
    };

    public static string? Fold(string? family) =>
        family is null or "Other" ? null : Folded.GetValueOrDefault(family, family);
}
