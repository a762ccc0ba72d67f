using System.Net;
using Microsoft.AspNetCore.Http;

namespace Candor.GitHub;

/// <summary>
/// Settings of the star proxy. The server fills them from <c>candor: github_proxy:</c> in <c>_config.yml</c>;
/// the client secret comes from the environment only, because configuration files end up in repositories.
/// </summary>
public sealed record GitHubStarProxyOptions
{
    /// <summary>The OAuth app's client id (public: GitHub shows it on the consent page).</summary>
    public required string ClientId { get; init; }
    /// <summary>The OAuth app's client secret, from <c>CANDOR_GITHUB_CLIENT_SECRET</c>. Without it the proxy still
    /// answers anonymous calls (star counts) but <c>/login</c> says the login is not configured.</summary>
    public string? ClientSecret { get; init; }
    /// <summary>Where the endpoints live; cookies are scoped to this path so page views never carry them.</summary>
    public string Prefix { get; init; } = "/proxy";
    /// <summary><c>public_repo</c> is the narrowest scope that can star a repository; <c>repo</c> would also
    /// grant write access to private repositories, which a star button never needs.</summary>
    public string Scope { get; init; } = "public_repo";
    /// <summary>Exact origins (<c>https://plugins.example.org</c>) that may call the proxy with credentials from
    /// another origin. The proxy's own origin may always make state-changing calls.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];
    /// <summary>GitHub's web origin (authorize and token endpoints).</summary>
    public Uri GitHubUrl { get; init; } = new("https://github.com");
    /// <summary>GitHub's REST API origin.</summary>
    public Uri ApiUrl { get; init; } = new("https://api.github.com");
    /// <summary>The Data Protection key ring (default <c>SITE/.candor/keys</c>). Keys are secrets: the folder is
    /// created readable by the owner only.</summary>
    public required string KeyFolder { get; init; }
    /// <summary>New keys are made this often; old ones stay to read cookies issued before.</summary>
    public TimeSpan KeyLifetime { get; init; } = TimeSpan.FromDays(30);
    /// <summary>
    /// SameSite of the session cookie. <c>Strict</c> (default) suits a proxy served by the same site as the
    /// pages that use it: no other site can make the browser send it. A proxy called from pages on another
    /// <em>site</em> (listed in <see cref="AllowedOrigins"/>) needs <c>None</c>, which browsers accept only
    /// with <c>Secure</c> (always set) and which then relies on the CORS allowlist and the Origin check.
    /// </summary>
    public SameSiteMode SameSite { get; init; } = SameSiteMode.Strict;
    /// <summary>How long a login lasts, both in the cookie's Max-Age and inside the encrypted payload.</summary>
    public TimeSpan CookieLifetime { get; init; } = TimeSpan.FromHours(8);
    /// <summary>How long the login popup may take between <c>/login</c> and GitHub's redirect back.</summary>
    public TimeSpan LoginTimeout { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>One upstream call may take this long before the client gets 504.</summary>
    public TimeSpan UpstreamTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Requests one client address may make per minute (a burst of this many, refilled evenly).</summary>
    public int RequestsPerMinute { get; init; } = 60;

    public const string MaxLifetimeText = "30 days";
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    /// <summary>Rejects settings that would be unsafe or cannot work, naming the setting as <c>_config.yml</c> does.</summary>
    /// <exception cref="GitHubStarProxyConfigException"></exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ClientId) || ClientId.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-')))
            throw new GitHubStarProxyConfigException("client_id", "expected the OAuth app's client id (letters, digits, '.', '_', '-')");
        if (!Prefix.StartsWith('/') || Prefix.Length < 2 || Prefix.EndsWith('/') || Prefix.Contains("//") ||
            Prefix.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('/' or '-' or '_' or '.')) || Prefix.Split('/').Any(s => s is "." or ".."))
            throw new GitHubStarProxyConfigException("prefix", $"'{Prefix}' is not a path like /proxy");
        if (string.IsNullOrWhiteSpace(Scope) || Scope.Any(c => char.IsControl(c) || c is '&' or '#' or '='))
            throw new GitHubStarProxyConfigException("scope", $"'{Scope}' is not a list of OAuth scopes");
        foreach (var origin in AllowedOrigins)
            if (CanonicalOrigin(origin) is null)
                throw new GitHubStarProxyConfigException("allowed_origins", $"'{origin}' is not an exact origin like https://site.example (scheme, host, optional port; no path, no wildcard)");
        CheckUpstream("github_url", GitHubUrl);
        CheckUpstream("api_url", ApiUrl);
        if (string.IsNullOrWhiteSpace(KeyFolder)) throw new GitHubStarProxyConfigException("key_folder", "a folder for the key ring is needed");
        if (SameSite is SameSiteMode.Unspecified) throw new GitHubStarProxyConfigException("cookie.same_site", "choose strict, lax or none");
        if (CookieLifetime <= TimeSpan.Zero || CookieLifetime > MaxLifetime)
            throw new GitHubStarProxyConfigException("cookie.lifetime_hours", $"must be more than 0 and at most {MaxLifetimeText}");
        if (KeyLifetime < TimeSpan.FromDays(7)) throw new GitHubStarProxyConfigException("key_lifetime", "keys must live at least 7 days");
        if (LoginTimeout <= TimeSpan.Zero || UpstreamTimeout <= TimeSpan.Zero) throw new GitHubStarProxyConfigException("timeout", "must be positive");
        if (RequestsPerMinute < 1) throw new GitHubStarProxyConfigException("requests_per_minute", "must be at least 1");
    }

    /// <summary>
    /// The token exchange carries the client secret and the API calls carry users' tokens, so both must be
    /// HTTPS. Plain HTTP is accepted only for a loopback host — that is a fake GitHub in tests, on this machine.
    /// </summary>
    private static void CheckUpstream(string setting, Uri url)
    {
        if (!url.IsAbsoluteUri || url.PathAndQuery != "/" || !string.IsNullOrEmpty(url.UserInfo))
            throw new GitHubStarProxyConfigException(setting, $"'{url}' must be an origin like https://github.com");
        if (url.Scheme == Uri.UriSchemeHttps) return;
        var loopback = url.Host == "localhost" || (IPAddress.TryParse(url.IdnHost, out var address) && IPAddress.IsLoopback(address));
        if (url.Scheme != Uri.UriSchemeHttp || !loopback)
            throw new GitHubStarProxyConfigException(setting, $"'{url}' must use https (plain http only for a loopback test server)");
    }

    /// <summary>The form browsers send in <c>Origin</c> (lower-case scheme and host, port only when not the default), or null.</summary>
    internal static string? CanonicalOrigin(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return null;
        var canonical = uri.GetLeftPart(UriPartial.Authority);
        // Anything beyond scheme://host[:port] (a path, a trailing slash, user info) means it is not an origin.
        return string.Equals(canonical, text, StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(uri.UserInfo) && !text.Contains('*')
            ? canonical.ToLowerInvariant()
            : null;
    }
}
