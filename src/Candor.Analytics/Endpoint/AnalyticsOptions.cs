using Candor.Analytics.Ingestion;
using Candor.Analytics.Store;

namespace Candor.Analytics.Endpoint;

/// <summary>What <c>services.AddAnalytics(options)</c> needs: the sites to count, where their data lives, and the GPC rule.</summary>
public sealed record AnalyticsOptions
{
    /// <summary>Domains whose events are kept (<c>www.</c>-less, lower case); events for any other domain are dropped.</summary>
    public required IReadOnlyCollection<string> Sites { get; init; }

    /// <summary>Holds <c>analytics.duckdb</c> and the <c>salts</c> folder (default <c>SITE/.candor</c>, set by the CLI).</summary>
    public required string DataFolder { get; init; }

    /// <summary>Drop (and count) events sent with <c>Sec-GPC: 1</c>. Beyond Plausible, which ignores the signal.</summary>
    public bool HonourGlobalPrivacyControl { get; init; } = true;

    /// <summary>
    /// The folder holding the classification data sets (uap-core, crawler-user-agents, the country mmdb, psl);
    /// null looks for <c>data/node_modules</c> or <c>node_modules</c> beside the program and above it.
    /// </summary>
    public string? DataSetsFolder { get; init; }

    /// <summary>Events older than this many calendar months are deleted (hourly); null keeps them.</summary>
    public int? RetentionMonths { get; init; }

    /// <summary>The sites' conversion goals (custom event names, page paths with <c>*</c>): what the dashboard and API count as conversions.</summary>
    public IReadOnlyList<Candor.Analytics.Query.Goal> Goals { get; init; } = [];

    public int MaxBodyBytes { get; init; } = EventRequestParser.DefaultMaxBodyBytes;

    public EventBufferOptions Buffer { get; init; } = new();

    /// <summary>The <c>Retry-After</c> of a 503 (buffer full): a batch is written at least every second, so a second is enough.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    public string StorePath => Path.Combine(DataFolder, "analytics.duckdb");

    public string SaltFolder => Path.Combine(DataFolder, "salts");

    /// <summary>The form <see cref="EventRequest.Domains"/> uses, so a configured <c>www.Example.org</c> still matches.</summary>
    public static string NormaliseSite(string site)
    {
        var s = site.Trim().ToLowerInvariant();
        return s.StartsWith("www.", StringComparison.Ordinal) ? s[4..] : s;
    }
}
