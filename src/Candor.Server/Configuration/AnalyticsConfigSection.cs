using Goal = Candor.Analytics.Query.Goal;

namespace Candor.Server.Configuration;

/// <summary>
/// Reads the ingestion, query and dashboard settings of <c>candor: analytics:</c>. <c>retention_months</c> and
/// <c>k_threshold</c> are read by the privacy policy (<c>PrivacyConfig</c>) too, so the policy's promises and the
/// rules that keep them are one setting each.
/// <code>
/// candor:
///   analytics:
///     sites: [example.org, docs.example.org]   # domains whose events are kept (the tracker's data-domain)
///     gpc: true                                # drop events sent with Sec-GPC: 1 (default)
///     public: true                             # anyone may open /stats/SITE (default: only share links)
///     k_threshold: 5                           # public and shared dashboards hide groups under 5 visitors
///     retention_months: 24                     # delete events older than this (default: keep); the policy says so
///     goals: [Signup, "404", /docs/*]          # conversions: event names, and page paths (starting with /, * wildcards)
/// </code>
/// The store (<c>analytics.duckdb</c>) and the daily salts live in the data folder, <c>SITE/.candor</c> unless
/// <c>--data DIR</c> says otherwise.
/// </summary>
public static class AnalyticsConfigSection
{
    private const string Section = "analytics";
    private static readonly HashSet<string> Known = ["sites", "gpc", "data_sets", "retention_months", "k_threshold", "public", "goals"];

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
        var retention = section.GetValueOrDefault("retention_months") switch
        {
            null => options.AnalyticsRetentionMonths,
            long n and >= 1 and <= 120 => (int)n,
            var other => throw Error("retention_months", $"expected a whole number of months from 1 to 120, got '{other}'"),
        };
        var goals = section.GetValueOrDefault("goals") switch
        {
            null => options.AnalyticsGoals,
            IEnumerable<object?> items => items.Select(ReadGoal).ToList(),
            var other => throw Error("goals", $"expected a list of event names and page paths, got '{other}'"),
        };
        return options with
        {
            AnalyticsSites = sites,
            AnalyticsPublic = isPublic,
            AnalyticsKThreshold = k,
            AnalyticsRetentionMonths = retention,
            AnalyticsGoals = goals,
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

    /// <summary>A goal: a page path when it starts with <c>/</c> (<c>*</c> wildcards allowed), else a custom event name.</summary>
    private static Goal ReadGoal(object? raw)
    {
        // YAML reads `- 404` as a number; the 404 goal is the event name "404", as the tracker sends it.
        var text = raw switch { string s => s.Trim(), long n => n.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => null };
        if (string.IsNullOrEmpty(text))
            throw Error("goals", $"expected an event name or a page path, got '{raw}'");
        if (text.Length > 120)
            throw Error("goals", $"'{text[..40]}…' is longer than 120 characters (Plausible's limit for event names)");
        return text.StartsWith('/') ? Goal.Page(text) : Goal.Event(text);
    }

    private static ServerConfigException Error(string setting, string message) => new(setting, message, Section);
}
