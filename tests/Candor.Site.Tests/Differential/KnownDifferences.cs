namespace Candor.Site.Tests.Differential;

/// <summary>
/// Every deliberate or accepted difference from Jekyll's output, in one place, each with its reason.
/// A file listed here is not compared (or compared after the given adjustment); anything not listed
/// must match.
/// </summary>
internal static class KnownDifferences
{
    /// <summary>Always applied by <see cref="OutputNormalizer"/>.</summary>
    public static readonly string[] Global =
    [
        "Rouge token spans (<span class=\"k\">…) inside highlighted code are dropped before comparing: there is no .NET port of Rouge's lexers, Candor emits the same wrapper markup with escaped, un-tokenised code.",
        "Whitespace between tags, at line ends and blank lines is insignificant.",
    ];

    /// <summary>(fixture, output path) → why it differs.</summary>
    public static readonly Dictionary<(string Fixture, string Path), string> Files = new()
    {
    };
}
