using Candor.Analytics.Dashboard.Sharing;
using Candor.Privacy.Consent;
using Candor.GitHub;
using Candor.GitHub.OAuth;
using Candor.Privacy.Cookies;

namespace Candor.Server.Cookies;

/// <summary>
/// Every cookie a Candor feature can set, declared here because this is where the features are composed: the
/// parts do not reference each other, so Candor.GitHub cannot declare its cookies in Candor.Privacy's terms
/// itself. <see cref="For"/> returns those of the enabled features; the server registers that list as its
/// <see cref="CookieInventory"/> and the policy generator prints the same list, so the two cannot drift.
/// </summary>
public static class SiteCookies
{
    private const string Necessary = "strictly necessary for a service you asked for (Art. 6 (1) (b) GDPR, § 25 (2) TDDDG)";

    /// <summary>The ads opt-out cookie, declared from the constants of the feature that sets it (Candor.Privacy.Consent).</summary>
    public static readonly CookieDeclaration AdsOptOut = new(
        AdsOptOutCookie.Name, AdsOptOutCookie.Purpose, AdsOptOutCookie.Lifetime, AdsOptOutCookie.LegalBasis);

    /// <summary>The analytics dashboard's share-link password cookie, one per site domain, declared from the constants of the dashboard that sets it.</summary>
    public static readonly CookieDeclaration DashboardShare = new(
        ShareCookie.Declared, ShareCookie.Purpose, ShareCookie.Lifetime, Necessary)
    {
        When = "when the dashboard's share links use a password",
    };

    /// <summary>The cookies of the features switched on.</summary>
    public static IReadOnlyList<CookieDeclaration> For(bool ads, bool analytics, GitHubStarProxyOptions? gitHubProxy)
    {
        var cookies = new List<CookieDeclaration>();
        if (ads) cookies.Add(AdsOptOut);
        if (analytics) cookies.Add(DashboardShare);
        if (gitHubProxy is { } gitHub) cookies.AddRange(GitHub(gitHub));
        return cookies;
    }

    private static IEnumerable<CookieDeclaration> GitHub(GitHubStarProxyOptions options) =>
    [
        new(TokenCookie.Name, "keeps you logged in with GitHub for starring projects; holds your GitHub access, encrypted", options.CookieLifetime, Necessary)
        {
            When = "when you log in with GitHub on a star button",
        },
        new(StateCookie.Name, "protects the GitHub login against forgery while it is under way", options.LoginTimeout, Necessary)
        {
            When = "while you log in with GitHub",
        },
    ];
}
