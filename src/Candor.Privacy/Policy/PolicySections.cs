namespace Candor.Privacy.Policy;

// The settings each optional section of the policy is written from. They live together because each is a
// few numbers; the feature that owns the setting (analytics, ads, embeds, the GitHub proxy) fills them in.

/// <summary><c>candor: analytics:</c>: how long events are kept, and the smallest group a report shows.</summary>
/// <summary>Analytics as the policy describes it: RetentionMonths null = events are kept with no time limit (the default).</summary>
public sealed record AnalyticsPolicy(int? RetentionMonths, int KThreshold);

/// <summary><c>candor: ads:</c> (only Carbon Ads is known).</summary>
public sealed record AdsPolicy(PolicyThirdParty Provider, string OptOutUrl, string OptInUrl);

/// <summary><c>candor: videos:</c> (only YouTube, through its no-cookie domain).</summary>
public sealed record VideoPolicy(PolicyThirdParty Provider, string Host);

/// <summary><c>candor: comments:</c>: the Discourse forum whose comments load on request.</summary>
public sealed record CommentsPolicy(Uri Forum);

/// <summary><c>candor: github_proxy:</c>: the scope asked for and how long a login lasts.</summary>
public sealed record GitHubProxyPolicy(string Scope, TimeSpan SessionLifetime, TimeSpan LoginTimeout);
