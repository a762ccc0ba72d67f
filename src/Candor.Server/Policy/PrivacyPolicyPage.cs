using Candor.Privacy.AccessLog;
using Candor.Privacy.Policy;
using Candor.Server.Configuration;
using Candor.Server.Cookies;
using Candor.Site;
using Candor.Site.Configuration;
using Candor.Site.Generators;

namespace Candor.Server.Policy;

/// <summary>
/// The generated privacy policy, as a page of the site: composed here because it needs all three sides — the
/// <c>privacy:</c> settings and the policy text (Candor.Privacy), the server's own settings (access log, GitHub
/// proxy; <see cref="ServerConfigSection"/>), and the build (Candor.Site, through <see cref="IGeneratedPage"/>).
/// Without a <c>privacy:</c> section nothing is generated, so Jekyll-compatible sites build exactly as before.
/// </summary>
/// <param name="server">The options the server runs with (from <c>serve</c>, flags included), so the policy
/// describes that server; null for <c>build</c>, which reads them from the configuration with the defaults.</param>
public sealed class PrivacyPolicyPage(SiteServerOptions? server = null) : IGeneratedPage
{
    /// <summary>The include a site (or the analytics opt-out feature) provides for the opt-out button.</summary>
    public const string AnalyticsOptOutInclude = "analytics-opt-out.html";

    public GeneratedPage? Generate(SiteConfig config)
    {
        try
        {
            if (PrivacyConfig.Read(config.Values) is not { } privacy) return null;
            var options = server ?? ServerOptions(config);
            // Analytics switched on by --analytics-site alone still gets its section. The retention and k stated are the ones
            // the server enforces (EventRetention and the dashboard are given the same options values), not a second reading.
            var analytics = privacy.Analytics is not null || options.AnalyticsSites.Count > 0
                ? new AnalyticsPolicy(options.AnalyticsRetentionMonths, options.AnalyticsKThreshold)
                : null;
            var policy = new PrivacyPolicyOptions
            {
                Controller = privacy.Controller,
                LastUpdated = privacy.LastUpdated,
                HostingProvider = privacy.HostingProvider,
                AccessLog = options.AccessLog is { } log ? AccessLogPolicy.For(log) : null,
                Encrypted = options.PagesEncrypted,
                Analytics = analytics,
                Ads = privacy.Ads,
                Videos = privacy.Videos,
                Comments = privacy.Comments,
                GitHubProxy = options.GitHubProxy is { } gitHub ? new GitHubProxyPolicy(gitHub.Scope, gitHub.CookieLifetime, gitHub.LoginTimeout) : null,
                Cookies = SiteCookies.For(privacy.Ads is not null, analytics is not null, options.GitHubProxy),
                // Placed only when the include exists, so a site without it (or before the feature ships) still builds.
                AnalyticsOptOut = File.Exists(Path.Combine(config.Source, config.IncludesDir, AnalyticsOptOutInclude))
                    ? "{% include " + AnalyticsOptOutInclude + " %}"
                    : null,
            };
            return new GeneratedPage("privacy.md", privacy.Permalink, PrivacyPolicy.Render(policy))
            {
                Layouts = ["privacy", "page", "default"],
                FrontMatter = new Dictionary<string, object?>
                {
                    ["title"] = privacy.Title,
                    ["robots"] = "noindex,nofollow",
                    ["lastupdate"] = new DateTimeOffset(privacy.LastUpdated.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                },
            };
        }
        catch (PrivacyConfigException e)
        {
            throw new SiteException("_config.yml", null, e.Message);
        }
        catch (ServerConfigException e)
        {
            throw new SiteException("_config.yml", null, e.Message);
        }
    }

    /// <summary>What <c>serve</c> would run with by default: the access log on in <c>SITE/.candor/logs</c>, then the site's settings.</summary>
    private static SiteServerOptions ServerOptions(SiteConfig config)
    {
        var options = ServerConfigSection.Apply(new SiteServerOptions
        {
            SiteRoot = config.Destination,
            DataFolder = Path.Combine(config.Source, ".candor"),
            AccessLog = new AccessLogOptions { Folder = Path.Combine(config.Source, ".candor", "logs") },
        }, config.Values, config.Source);
        options.Validate();
        return options;
    }
}
