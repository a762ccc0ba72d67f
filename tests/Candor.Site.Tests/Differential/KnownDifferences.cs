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
        "jekyll-feed's feed-level <updated> is site.time, the moment each tool started building: it is replaced by (site.time) on both sides. Entries' <updated> and everything else must match.",
    ];

    /// <summary>
    /// Accepted differences inside a file: Candor's normalised text → Jekyll's, applied before comparing,
    /// so the rest of the file is still checked.
    /// </summary>
    public static readonly List<(string Fixture, string Path, string Candor, string Jekyll, string Reason)> Lines =
    [
        ("liquid-filters", "tags.html", "/ 3:3 4:4", "/ 1:3 2:4",
            "Fluid numbers forloop.index from the offset (for … limit:2 offset:2 gives 3, 4); Ruby Liquid restarts at 1."),
    ];

    private const string SassMap =
        "jekyll-sass-converter's source map names its sources relative to the folder jekyll was started in, so its text depends on " +
        "the caller; Candor does not write source maps yet (the CSS is compared, including its sourceMappingURL comment).";

    /// <summary>(fixture, output path) → why it differs.</summary>
    public static readonly Dictionary<(string Fixture, string Path), string> Files = new()
    {
        [("sass", "assets/css/main.css.map")] = SassMap,
        [("sass", "css/indented.css.map")] = SassMap,
    };
}
