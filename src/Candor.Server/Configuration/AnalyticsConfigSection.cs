namespace Candor.Server.Configuration;

/// <summary>
/// Reads the ingestion and dashboard settings of <c>candor: analytics:</c>. The same section's <c>retention_months</c>
/// is the privacy policy's (<c>PrivacyConfig</c>), known here, not read; <c>k_threshold</c> is read by both, so the
/// policy's promise and the dashboard's rule are one setting.
/// <code>
/// candor:
///   analytics:
///     sites: [example.org, docs.example.org]   # domains whose events are kept (the tracker's data-domain)
///     gpc: true                                # drop events sent with Sec-GPC: 1 (default)
///     public: true                             # anyone may open /stats/SITE (default: only share links)
///     k_threshold: 5                           # public and shared dashboards hide groups under 5 visitors
/// </code>
/// The store (<c>analytics.duckdb</c>) and the daily salts live in the data folder, <c>SITE/.candor</c> unless
/// <c>--data DIR</c> says otherwise.
/// </summary>
public static class AnalyticsConfigSection
{
    private const string Section = "analytics";
    private static readonly HashSet<string> Known = ["sites", "gpc", "data_sets", "retention_months", "k_threshold", "public"];

    public static SiteServerOptions Apply(SiteServerOptions options, IReadOnlyDictionary<string, object?> candor, string siteSource)
    {
        if (candor.GetValueOrDefault(Section) is not IReadOnlyDictionary<string, object?> section) return options;
        if (section.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
            throw Error(unknown, $"unknown setting (known: {string.Join(", ", Known)})");
        var sites = section.GetValueOrDefault("sites") switch
        {
            null => options.AnalyticsSites,
            string s => [Site(s)],
            IEnumerable<object?> items => items.Select(i => i is string s ? Site(s) : throw Error("sites", $"expected a list of domains, got '{i}'")).ToList(),
            var other => throw Error("sites", $"expected a list of domains, got '{other}'"),
        };
        var gpc = section.GetValueOrDefault("gpc") switch
        {
            null => options.AnalyticsHonoursGpc,
            bool b => b,
            var other => throw Error("gpc", $"expected true or false, got '{other}'"),
        };
        var dataSets = section.GetValueOrDefault("data_sets") switch
        {
            null => options.AnalyticsDataSets,
            string folder => Path.GetFullPath(folder, siteSource),
            var other => throw Error("data_sets", $"expected a folder, got '{other}'"),
        };
        var isPublic = section.GetValueOrDefault("public") switch
        {
            null => options.AnalyticsPublic,
            bool b => b,
            var other => throw Error("public", $"expected true or false, got '{other}'"),
        };
        var k = section.GetValueOrDefault("k_threshold") switch
        {
            null => options.AnalyticsKThreshold,
            int n and >= 1 and <= 1000 => n,
            long n and >= 1 and <= 1000 => (int)n,
            var other => throw Error("k_threshold", $"expected a whole number from 1 to 1000, got '{other}'"),
        };
        return options with
        {
            AnalyticsSites = sites,
            AnalyticsPublic = isPublic,
            AnalyticsKThreshold = k,
            AnalyticsHonoursGpc = gpc,
            AnalyticsDataSets = dataSets,
            DataFolder = options.DataFolder ?? (sites.Count > 0 ? Path.Combine(siteSource, ".candor") : null),
        };
    }

    /// <summary>A bare domain, as the tracker's <c>data-domain</c> sends it; a URL here would never match an event.</summary>
    public static string Site(string raw)
    {
        var site = raw.Trim();
        if (site.Length == 0 || site.Contains("://", StringComparison.Ordinal) || site.IndexOfAny(['/', ' ', ',', ':']) >= 0)
            throw Error("sites", $"'{raw}' is not a domain (write example.org, without scheme, port or path)");
        return site.ToLowerInvariant();
    }

    private static ServerConfigException Error(string setting, string message) => new(setting, message, Section);
}
