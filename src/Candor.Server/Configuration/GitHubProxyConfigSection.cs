using System.Globalization;
using Candor.GitHub;
using Microsoft.AspNetCore.Http;

namespace Candor.Server.Configuration;

/// <summary>
/// Reads <c>candor: github_proxy:</c> from a site's <c>_config.yml</c>. The proxy is on when the section is there
/// (and not <c>false</c>). The client secret is never read from a file — configuration gets committed — but from
/// the environment variable <see cref="ClientSecretVariable"/>.
/// <code>
/// candor:
///   github_proxy:
///     client_id: Iv1.0123456789abcdef       # the OAuth app's client id (public)
///     prefix: /proxy
///     scope: public_repo
///     allowed_origins: [https://plugins.example.org]   # other origins whose pages may call it
///     github_url: https://github.com
///     api_url: https://api.github.com
///     key_folder: .candor/keys             # relative to the site folder
///     requests_per_minute: 60              # per client address
///     cookie:
///       same_site: strict                  # strict | lax | none (none: pages on another site call the proxy)
///       lifetime_hours: 8
/// </code>
/// </summary>
public static class GitHubProxyConfigSection
{
    public const string ClientSecretVariable = "CANDOR_GITHUB_CLIENT_SECRET";
    private const string Section = "github_proxy";
    private static readonly HashSet<string> Known = ["client_id", "prefix", "scope", "allowed_origins", "github_url", "api_url", "key_folder", "requests_per_minute", "cookie"];
    private static readonly HashSet<string> KnownCookie = ["same_site", "lifetime_hours"];

    public static SiteServerOptions Apply(SiteServerOptions options, IReadOnlyDictionary<string, object?> candor, string siteSource, string? clientSecret = null)
    {
        switch (candor.GetValueOrDefault(Section))
        {
            case null or false:
                return options;
            case IReadOnlyDictionary<string, object?> section:
                if (section.ContainsKey("client_secret"))
                    throw Error("client_secret", $"never put the secret in a configuration file; set the environment variable {ClientSecretVariable}");
                if (section.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
                    throw Error(unknown, $"unknown setting (known: {string.Join(", ", Known)})");
                var cookie = section.GetValueOrDefault("cookie") switch
                {
                    null => new Dictionary<string, object?>(),
                    IReadOnlyDictionary<string, object?> c => c,
                    var other => throw Error("cookie", $"expected settings, got '{other}'"),
                };
                if (cookie.Keys.FirstOrDefault(k => !KnownCookie.Contains(k)) is { } unknownCookie)
                    throw Error("cookie." + unknownCookie, $"unknown setting (known: {string.Join(", ", KnownCookie)})");
                var defaults = new GitHubStarProxyOptions { ClientId = "-", KeyFolder = "-" };
                var proxy = new GitHubStarProxyOptions
                {
                    ClientId = Text(section, "client_id") ?? throw Error("client_id", "the OAuth app's client id is required"),
                    ClientSecret = clientSecret ?? Environment.GetEnvironmentVariable(ClientSecretVariable),
                    Prefix = Text(section, "prefix") ?? defaults.Prefix,
                    Scope = Text(section, "scope") ?? defaults.Scope,
                    AllowedOrigins = List(section, "allowed_origins") ?? [],
                    GitHubUrl = Url(section, "github_url") ?? defaults.GitHubUrl,
                    ApiUrl = Url(section, "api_url") ?? defaults.ApiUrl,
                    KeyFolder = Path.GetFullPath(Text(section, "key_folder") ?? Path.Combine(".candor", "keys"), siteSource),
                    RequestsPerMinute = Number(section, "requests_per_minute") is { } perMinute ? (int)Math.Min(perMinute, int.MaxValue) : defaults.RequestsPerMinute,
                    SameSite = Text(cookie, "same_site", "cookie.") switch
                    {
                        null => defaults.SameSite,
                        "strict" => SameSiteMode.Strict,
                        "lax" => SameSiteMode.Lax,
                        "none" => SameSiteMode.None,
                        var other => throw Error("cookie.same_site", $"expected strict, lax or none, got '{other}'"),
                    },
                    CookieLifetime = Number(cookie, "lifetime_hours", "cookie.") is { } hours ? TimeSpan.FromHours(Math.Min(hours, 1_000_000)) : defaults.CookieLifetime,
                };
                return options with { GitHubProxy = proxy };
            case var other:
                throw Error("", $"expected settings or false, got '{other}'");
        }
    }

    private static ServerConfigException Error(string setting, string message) => new(setting, message, Section);

    private static string? Text(IReadOnlyDictionary<string, object?> section, string key, string prefix = "") => section.GetValueOrDefault(key) switch
    {
        null => null,
        string s => s,
        var other => throw Error(prefix + key, $"expected text, got '{other}'"),
    };

    private static Uri? Url(IReadOnlyDictionary<string, object?> section, string key) => Text(section, key) is not { } text ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri
        : throw Error(key, $"'{text}' is not an absolute URL");

    private static double? Number(IReadOnlyDictionary<string, object?> section, string key, string prefix = "") => section.GetValueOrDefault(key) switch
    {
        null => null,
        long n => n,
        int n => n,
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
        var other => throw Error(prefix + key, $"expected a number, got '{other}'"),
    };

    private static IReadOnlyList<string>? List(IReadOnlyDictionary<string, object?> section, string key) => section.GetValueOrDefault(key) switch
    {
        null => null,
        string s => [s],
        IEnumerable<object?> items => items.Select(i => i as string ?? throw Error(key, $"expected a list of origins, got '{i}'")).ToList(),
        var other => throw Error(key, $"expected a list, got '{other}'"),
    };
}
