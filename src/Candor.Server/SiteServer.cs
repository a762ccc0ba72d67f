using Candor.Analytics.Dashboard;
using Candor.Analytics.Endpoint;
using Candor.GitHub;
using Candor.Privacy.Consent;
using Candor.Privacy.Cookies;
using Candor.Server.Cookies;
using Candor.Server.Compression;
using Candor.Server.Headers;
using Candor.Server.Health;
using Candor.Server.Proxy;
using Candor.Server.Snapshot;
using Candor.Server.Static;
using Candor.Server.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Candor.Server;

/// <summary>
/// The composition root: one Kestrel host serving the built site. Each part of Candor adds its own
/// <c>services.AddX()</c>/<c>app.MapX()</c> pair here, so this file lists what the server does.
/// </summary>
public static class SiteServer
{
    /// <exception cref="ServerConfigException">A setting is wrong (bad certificate, host, proxy address…).</exception>
    public static WebApplication Create(SiteServerOptions options, string[]? args = null)
    {
        options.Validate();
        var certificate = ServerCertificate.Load(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [], ContentRootPath = options.SiteRoot, WebRootPath = options.SiteRoot });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Hosting opens a logging scope for every request whenever this category is on at any level; it logs nothing
        // at Warning or above (Kestrel logs unhandled errors under its own category), so the scope was pure cost.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.WebHost.UseCandorListeners(options, certificate);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.AddTrustedProxies(options.TrustedProxies);
        builder.Services.AddHttpsEnforcement(options);
        builder.Services.AddSecurityHeaders();
        builder.Services.AddTextCompression();
        // Videos count as used when configured or when a built page has one (a `{% youtube %}` with no configuration).
        var consent = options.Consent.Videos || !VideoDetection.SiteHasVideos(options.SiteRoot) ? options.Consent : options.Consent with { Videos = true };
        builder.Services.AddConsent(consent);
        builder.Services.WidenContentSecurityPolicy(csp => csp.AllowEmbeds(consent));
        // With ads on, pages holding an ad slot get a second, ad-free body for visitors who opted out (cookie or GPC).
        // The disk path gets the same second body: opted-out visitors never get the ad script, whichever path serves them.
        var adFree = consent.AdsEnabled ? new AlternateBody(body => AdBlock.Strip(body), AdsPreference.IsOptedOut, "Cookie, Sec-GPC") : null;
        builder.Services.AddSiteSnapshot(options.SiteRoot, adFree);
        if (options.AccessLog is { } accessLog) builder.Services.AddAccessLog(accessLog);
        builder.Services.DeclareCookies(SiteCookies.For(options.Ads, options.Analytics, options.GitHubProxy)); // the cookies of the features switched on, and no others
        if (options.GitHubProxy is { } gitHub) builder.Services.AddGitHubStarProxy(gitHub); // served on the site's origin: the default CSP already allows it
        // The tracker is a script from the site's own origin posting to it: the default CSP (script-src and connect-src 'self') allows both.
        if (options.AnalyticsSites.Count > 0)
            builder.Services.AddAnalytics(new AnalyticsOptions
            {
                Sites = options.AnalyticsSites,
                DataFolder = options.DataFolder!,
                HonourGlobalPrivacyControl = options.AnalyticsHonoursGpc,
                DataSetsFolder = options.AnalyticsDataSets,
                RetentionMonths = options.AnalyticsRetentionMonths,
                Goals = options.AnalyticsGoals,
            });
        if (options.AnalyticsSites.Count > 0)
            builder.Services.AddDashboard(new DashboardOptions
            {
                Sites = options.AnalyticsSites,
                PublicSites = options.AnalyticsPublic ? options.AnalyticsSites : [],
                KThreshold = options.AnalyticsKThreshold,
                Goals = options.AnalyticsGoals,
                DataFolder = options.DataFolder!,
            });

        var app = builder.Build();
        app.UseTrustedProxies(options.TrustedProxies);
        // Early, so its check runs on every response: an undeclared cookie throws in Development, is removed in production.
        app.UseCookieInventoryCheck();
        // After the proxy step so the client address is the real one; it records even rejected requests
        // (that is what a security log is for) but never their raw path.
        if (options.AccessLog is not null) app.UseAccessLog();
        // The analytics endpoint's answers are data, not documents (only when it exists: otherwise that path is the 404 page).
        app.UseSecurityHeaders(dataPaths: options.AnalyticsSites.Count > 0 ? [EventEndpoint.Path] : []);
        app.UseHostilePathFilter();
        app.UseHttpsEnforcement(options);
        app.UseRouting();
        // Most requests end here: a file of the site from memory, already compressed. Paths an endpoint
        // answers (routing has matched them just above) and whatever the snapshot cannot answer go on.
        app.UseSiteSnapshot();
        app.UseTextCompression(uncompressedPaths: [EventEndpoint.Path]);
        app.MapHealthz();
        app.MapConsent();
        if (options.GitHubProxy is not null) app.MapGitHubStarProxy();
        if (options.AnalyticsSites.Count > 0) app.MapAnalytics().MapDashboard();
        app.UseEndpoints(_ => { });
        // Last: whatever no endpoint answered is a file of the site, or its 404 page.
        app.UseJekyllStaticSite(options.SiteRoot, adFree);
        return app;
    }
}
