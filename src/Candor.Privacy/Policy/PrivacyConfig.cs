using System.Globalization;

namespace Candor.Privacy.Policy;

/// <summary>
/// Reads what the policy needs from a site's <c>_config.yml</c> (YAML-typed values): the <c>privacy:</c> section,
/// and the <c>candor:</c> sections of features whose settings appear in the policy. Settings of those features
/// that the policy does not mention (an ad script's URL, a video preview template…) belong to the features and
/// are left to them; what is read here is checked strictly, with errors naming the setting.
/// <code>
/// privacy:
///   permalink: /privacy/              # default
///   last_update: 2026-05-01
///   controller:
///     name: The Candor Project
///     address: [Example Street 1, 12345 Example Town, Exampleland]
///     email: privacy@candor.example   # required
///     phone: +49 000 000000           # optional
///   hosting_provider:                 # optional
///     name: Example Hosting GmbH
///     address: [Serverweg 2, 54321 Rechenzentrum]
///     privacy_url: https://hosting.example/privacy
/// candor:
///   analytics: { sites: [example.org], gpc: true, retention_months: 24, k_threshold: 5 }   # no retention_months: kept   # sites/gpc: read by the server
///   ads: { provider: carbon }
///   videos: { provider: youtube }     # or `videos: true`
///   comments: { forum: https://community.example.org }
/// </code>
/// </summary>
public sealed record PrivacyConfig
{
    private static readonly HashSet<string> Known = ["permalink", "title", "last_update", "controller", "hosting_provider"];
    private static readonly HashSet<string> KnownController = ["name", "address", "email", "phone"];
    private static readonly HashSet<string> KnownParty = ["name", "address", "privacy_url"];
    // `sites`, `gpc`, `goals` and `public` belong to ingestion, the queries and the dashboard (read by the server); they are known here so the policy still builds.
    private static readonly HashSet<string> KnownAnalytics = ["retention_months", "k_threshold", "sites", "gpc", "data_sets", "goals", "public"];

    public required string Permalink { get; init; }
    public required string Title { get; init; }
    public required DateOnly LastUpdated { get; init; }
    public required PolicyController Controller { get; init; }
    public PolicyThirdParty? HostingProvider { get; init; }
    public AnalyticsPolicy? Analytics { get; init; }
    public AdsPolicy? Ads { get; init; }
    public VideoPolicy? Videos { get; init; }
    public CommentsPolicy? Comments { get; init; }

    /// <summary>The settings, or null when the site has no <c>privacy:</c> section (then no policy is generated).</summary>
    /// <exception cref="PrivacyConfigException">A setting is missing or wrong.</exception>
    public static PrivacyConfig? Read(IReadOnlyDictionary<string, object?> siteConfig)
    {
        if (siteConfig.GetValueOrDefault("privacy") is not { } raw) return null;
        var privacy = Section(raw, "privacy", Known);
        var controller = Section(privacy.GetValueOrDefault("controller") ?? throw new PrivacyConfigException("privacy.controller", "required (name, address, email)"), "privacy.controller", KnownController);
        var candor = siteConfig.GetValueOrDefault("candor") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        var permalink = Text(privacy, "permalink", "privacy.permalink") ?? "/privacy/";
        if (!permalink.StartsWith('/')) throw new PrivacyConfigException("privacy.permalink", $"must start with '/', got '{permalink}'");
        return new PrivacyConfig
        {
            Permalink = permalink,
            Title = Text(privacy, "title", "privacy.title") ?? "Privacy Policy",
            LastUpdated = Date(privacy.GetValueOrDefault("last_update"), "privacy.last_update"),
            Controller = new PolicyController(
                Required(controller, "name", "privacy.controller.name"),
                Lines(controller, "address", "privacy.controller.address") ?? throw new PrivacyConfigException("privacy.controller.address", "required (a list of lines)"),
                Email(Required(controller, "email", "privacy.controller.email")))
            {
                Phone = Text(controller, "phone", "privacy.controller.phone"),
            },
            HostingProvider = privacy.GetValueOrDefault("hosting_provider") is { } host ? Party(host, "privacy.hosting_provider") : null,
            Analytics = ReadAnalytics(candor.GetValueOrDefault("analytics")),
            Ads = ReadAds(candor.GetValueOrDefault("ads")),
            // The same keys the embeds read (candor: embeds: youtube / comments), so the policy can't describe
            // a different set of third parties than the site actually uses.
            Videos = ReadVideos((candor.GetValueOrDefault("embeds") as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("youtube")),
            Comments = ReadComments((candor.GetValueOrDefault("embeds") as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("comments")),
        };
    }

    private static AnalyticsPolicy? ReadAnalytics(object? raw)
    {
        if (raw is null or false) return null;
        var section = raw is true ? new Dictionary<string, object?>() : Section(raw, "candor.analytics", KnownAnalytics);
        return new AnalyticsPolicy(
            Whole(section, "retention_months", "candor.analytics.retention_months", 1, 120),
            Whole(section, "k_threshold", "candor.analytics.k_threshold", 1, 1000) ?? 5);
    }

    private static AdsPolicy? ReadAds(object? raw)
    {
        if (raw is null or false) return null;
        var provider = raw is IReadOnlyDictionary<string, object?> section ? Text(section, "provider", "candor.ads.provider") ?? "carbon" : raw is true ? "carbon" : throw new PrivacyConfigException("candor.ads", $"expected settings, true or false, got '{raw}'");
        return provider switch
        {
            "carbon" => new AdsPolicy(
                new PolicyThirdParty("Carbon Ads (BuySellAds.com Inc.)", ["P.O. Box 55071 #30027", "Boston, MA 02205-5071", "USA"], "https://www.buysellads.com/privacy"),
                "/privacy/opt-out/ads", "/privacy/opt-in/ads"),
            _ => throw new PrivacyConfigException("candor.ads.provider", $"unknown provider '{provider}' (known: carbon)"),
        };
    }

    private static VideoPolicy? ReadVideos(object? raw)
    {
        if (raw is null or false) return null;
        var provider = raw is IReadOnlyDictionary<string, object?> section ? Text(section, "provider", "candor.embeds.youtube.provider") ?? "youtube" : raw is true ? "youtube" : throw new PrivacyConfigException("candor.embeds.youtube", $"expected settings, true or false, got '{raw}'");
        return provider switch
        {
            "youtube" => new VideoPolicy(new PolicyThirdParty("YouTube (Google Ireland Limited)", ["Gordon House, Barrow Street", "Dublin 4", "Ireland"], "https://policies.google.com/privacy"), "www.youtube-nocookie.com"),
            _ => throw new PrivacyConfigException("candor.embeds.youtube.provider", $"unknown provider '{provider}' (known: youtube)"),
        };
    }

    private static CommentsPolicy? ReadComments(object? raw)
    {
        if (raw is null or false) return null;
        if (raw is not IReadOnlyDictionary<string, object?> section) throw new PrivacyConfigException("candor.embeds.comments", $"expected settings with a forum, got '{raw}'");
        var forum = Required(section, "forum", "candor.embeds.comments.forum");
        return Uri.TryCreate(forum, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? new CommentsPolicy(uri)
            : throw new PrivacyConfigException("candor.embeds.comments.forum", $"'{forum}' is not an http(s) URL");
    }

    private static PolicyThirdParty Party(object raw, string setting)
    {
        var section = Section(raw, setting, KnownParty);
        var url = Text(section, "privacy_url", setting + ".privacy_url");
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _)) throw new PrivacyConfigException(setting + ".privacy_url", $"'{url}' is not an absolute URL");
        return new PolicyThirdParty(Required(section, "name", setting + ".name"), Lines(section, "address", setting + ".address") ?? [], url);
    }

    private static IReadOnlyDictionary<string, object?> Section(object raw, string setting, HashSet<string> known)
    {
        if (raw is not IReadOnlyDictionary<string, object?> section) throw new PrivacyConfigException(setting, $"expected settings, got '{raw}'");
        // A misspelt key would otherwise drop a promise from the policy without a word.
        if (section.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            throw new PrivacyConfigException(setting + "." + unknown, $"unknown setting (known: {string.Join(", ", known)})");
        return section;
    }

    private static string Required(IReadOnlyDictionary<string, object?> section, string key, string setting) =>
        Text(section, key, setting) is { Length: > 0 } text ? text : throw new PrivacyConfigException(setting, "required");

    private static string? Text(IReadOnlyDictionary<string, object?> section, string key, string setting) => section.GetValueOrDefault(key) switch
    {
        null => null,
        string s => s.Trim(),
        long or int or double => Convert.ToString(section[key], CultureInfo.InvariantCulture),
        var other => throw new PrivacyConfigException(setting, $"expected text, got '{other}'"),
    };

    private static IReadOnlyList<string>? Lines(IReadOnlyDictionary<string, object?> section, string key, string setting) => section.GetValueOrDefault(key) switch
    {
        null => null,
        string s => s.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        IEnumerable<object?> items => items.Select(i => i is string or long or int ? Convert.ToString(i, CultureInfo.InvariantCulture)! : throw new PrivacyConfigException(setting, $"expected lines of text, got '{i}'")).ToList(),
        var other => throw new PrivacyConfigException(setting, $"expected a list of lines, got '{other}'"),
    };

    private static string Email(string email) =>
        email.IndexOf('@') is var at and > 0 && at < email.Length - 1 && !email.Any(char.IsWhiteSpace)
            ? email
            : throw new PrivacyConfigException("privacy.controller.email", $"'{email}' is not an email address");

    private static int? Whole(IReadOnlyDictionary<string, object?> section, string key, string setting, int min, int max) => section.GetValueOrDefault(key) switch
    {
        null => null,
        long n when n >= min && n <= max => (int)n,
        int n when n >= min && n <= max => n,
        var other => throw new PrivacyConfigException(setting, $"expected a whole number from {min} to {max}, got '{other}'"),
    };

    private static DateOnly Date(object? raw, string setting) => raw switch
    {
        null => throw new PrivacyConfigException(setting, "required (the date the policy last changed, such as 2026-05-01)"),
        DateTimeOffset d => DateOnly.FromDateTime(d.DateTime),
        DateTime d => DateOnly.FromDateTime(d),
        string s when DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        var other => throw new PrivacyConfigException(setting, $"expected a date such as 2026-05-01, got '{other}'"),
    };
}
