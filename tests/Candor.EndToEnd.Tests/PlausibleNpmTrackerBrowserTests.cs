using Candor.Analytics.Classification;
using Microsoft.Playwright;

namespace Candor.EndToEnd.Tests;

/// <summary>
/// The real client: Plausible's official npm tracker (<c>@plausible-analytics/tracker</c>, pinned in
/// <c>data/package-lock.json</c>) in Chromium, on a page Candor serves, pointed at Candor's <c>/api/event</c>.
/// Its pageview and a custom event with props land in the DuckDB file.
/// </summary>
public sealed class PlausibleNpmTrackerBrowserTests
{
    [Fact]
    public async Task TheOfficialTrackerSendsAPageviewAndACustomEventThatCandorStores()
    {
        // The package is an ES module library (package.json "type": "module", "exports" → plausible.js) exporting
        // init(config) and track(name, options). It skips 127.x hosts unless captureOnLocalhost is set.
        var bundle = Path.Combine(DataSets.FindDefault().Folder, "@plausible-analytics", "tracker", "plausible.js");
        Assert.True(File.Exists(bundle), $"{bundle} is missing: run `npm ci` in data/");

        await using var site = AnalyticsTestSite.Create("npm-tracker-e2e", (src, _) =>
        {
            Directory.CreateDirectory(Path.Combine(src, "assets"));
            File.Copy(bundle, Path.Combine(src, "assets", "plausible.js"));
            Directory.CreateDirectory(Path.Combine(src, "pricing"));
            // Candor's CSP allows scripts from 'self' only, so the page's module is a file, as on a real site.
            File.WriteAllText(Path.Combine(src, "assets", "app.js"),
                "import { init, track } from '/assets/plausible.js';\n" +
                "init({ domain: 'example.org', endpoint: '/api/event', captureOnLocalhost: true, logging: false });\n" +
                "track('Signup', { props: { plan: 'pro', seats: '3' } });\n");
            File.WriteAllText(Path.Combine(src, "pricing", "index.html"),
                "---\n---\n<!doctype html><title>pricing</title><script type=\"module\" src=\"/assets/app.js\"></script><p>plans</p>\n");
        });
        await site.StartAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var context = await AnalyticsTestSite.VisitorContextAsync(browser);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };

        var pageview = AnalyticsTestSite.EventAnswered(page, "pageview");
        var signup = AnalyticsTestSite.EventAnswered(page, "Signup");
        await page.GotoAsync(site.Origin + "/pricing/");
        var answers = await Task.WhenAll(pageview, signup);
        Assert.All(answers, r => Assert.Equal(202, r.Status));
        // Chromium offers compression on every beacon; the 2-byte "ok" goes out as it is (EventAnswerCompressionTests).
        Assert.All(answers, r => Assert.False(r.Headers.ContainsKey("content-encoding")));
        // What the official client put on the wire (its own shape, not ours).
        Assert.Contains("\"d\":\"example.org\"", answers[0].Request.PostData, StringComparison.Ordinal);
        Assert.Contains("\"p\":{\"plan\":\"pro\",\"seats\":\"3\"}", answers[1].Request.PostData, StringComparison.Ordinal);
        lock (errors) Assert.Empty(errors);
        await context.CloseAsync();

        await site.StopAsync();
        Assert.Equal(["Signup /pricing/ plan=pro;seats=3", "pageview /pricing/"], site.StoredEvents());
    }
}
