using Candor.Privacy.AccessLog;
using Candor.Privacy.Cookies;

namespace Candor.Privacy.Policy;

/// <summary>
/// Everything the generated privacy policy says, each part bound to the configuration it describes. A feature
/// that is off is null (or empty) here, and its section and its third party are then left out of the text.
/// </summary>
public sealed record PrivacyPolicyOptions
{
    public required PolicyController Controller { get; init; }
    public required DateOnly LastUpdated { get; init; }
    /// <summary>Who hosts the server, if the site names them (they process the server's traffic).</summary>
    public PolicyThirdParty? HostingProvider { get; init; }
    /// <summary>The access log as configured (<c>candor: server: access_log</c>); null when it is off.</summary>
    public AccessLogPolicy? AccessLog { get; init; }
    /// <summary>Whether pages reach visitors only over TLS (Candor's own, or an enforced TLS proxy's).</summary>
    public bool Encrypted { get; init; }
    public AnalyticsPolicy? Analytics { get; init; }
    public AdsPolicy? Ads { get; init; }
    public VideoPolicy? Videos { get; init; }
    public CommentsPolicy? Comments { get; init; }
    public GitHubProxyPolicy? GitHubProxy { get; init; }
    /// <summary>The cookies the enabled features can set (the site's <see cref="CookieInventory"/>).</summary>
    public IReadOnlyList<CookieDeclaration> Cookies { get; init; } = [];
    /// <summary>
    /// Markup placed as it is at the end of the analytics section, where the visitor can opt out
    /// (the site's <c>{% include analytics-opt-out.html %}</c>); null places nothing.
    /// </summary>
    public string? AnalyticsOptOut { get; init; }
}

/// <summary>The controller: who is responsible for the processing, and how to reach them.</summary>
public sealed record PolicyController(string Name, IReadOnlyList<string> Address, string Email)
{
    public string? Phone { get; init; }
}

/// <summary>A company that receives visitors' data, with where to read its own policy.</summary>
public sealed record PolicyThirdParty(string Name, IReadOnlyList<string> Address, string? PrivacyUrl);
