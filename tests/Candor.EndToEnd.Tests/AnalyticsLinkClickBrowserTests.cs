using Microsoft.Playwright;

namespace Candor.EndToEnd.Tests;

/// <summary>
/// Candor's own tracker, <c>outbound-links</c> and <c>file-downloads</c> variants, in Chromium: a click on an
/// outbound link and on a file link each store their event with the <c>url</c> prop, and the browser still goes there.
/// </summary>
/// <remarks>
/// The click events are awaited on the server (events it accepted), not as browser responses: the tracker sends them
/// with a keepalive fetch and lets the link navigate at once, and Chromium hands such a request to its network
/// process when the page goes away — it always arrives (the server stores it), but the DevTools protocol then often
/// reports no response for it to Playwright. Waiting for that response made this test fail about half the time.
/// </remarks>
public sealed class AnalyticsLinkClickBrowserTests
{
    [Fact]
    public async Task OutboundAndFileDownloadClicksAreStoredAndTheNavigationHappens()
    {
        // "Outbound": localhost:PORT is another host than the page's 127.0.0.1:PORT, yet served by the same server,
        // so the navigation can be observed without leaving the machine.
        await using var site = AnalyticsTestSite.Create("link-clicks-e2e", (src, port) =>
        {
            File.WriteAllText(Path.Combine(src, "index.html"),
                "---\n---\n<!doctype html><title>out</title>" +
                "<script defer data-domain=\"example.org\" data-include-localhost src=\"/js/script.outbound-links.js\"></script>" +
                $"<a id=\"out\" href=\"http://localhost:{port}/landing/\">elsewhere</a>\n");
            Directory.CreateDirectory(Path.Combine(src, "docs"));
            File.WriteAllText(Path.Combine(src, "docs", "index.html"),
                "---\n---\n<!doctype html><title>docs</title>" +
                "<script defer data-domain=\"example.org\" data-include-localhost src=\"/js/script.file-downloads.js\"></script>" +
                "<a id=\"file\" href=\"/files/notes.txt?v=2\">notes</a>\n");
            Directory.CreateDirectory(Path.Combine(src, "landing"));
            File.WriteAllText(Path.Combine(src, "landing", "index.html"), "---\n---\n<!doctype html><title>landing</title><p>landed</p>\n");
            Directory.CreateDirectory(Path.Combine(src, "files"));
            File.WriteAllText(Path.Combine(src, "files", "notes.txt"), "plain notes\n");
        });
        await site.StartAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        var context = await AnalyticsTestSite.VisitorContextAsync(browser);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };

        var pageview = AnalyticsTestSite.EventAnswered(page, "pageview");
        await page.GotoAsync(site.Origin + "/");
        Assert.Equal(202, (await pageview).Status);
        // The click navigates away at once (the tracker sends with a keepalive fetch and does not hold the link
        // back), so the event may arrive after the page is gone: the server's count of accepted events is awaited.
        await page.ClickAsync("#out");
        Assert.True(await site.AcceptedAtLeastAsync(2), "the outbound click's event did not reach the server");
        // DOMContentLoaded, not load: the test reads the document, and under a loaded machine Chromium's load event
        // for a navigation that began in a click handler once took longer than the 15 s timeout.
        await page.WaitForURLAsync($"http://localhost:{site.Port}/landing/", Loaded);
        Assert.Equal("landed", await page.TextContentAsync("p"));

        pageview = AnalyticsTestSite.EventAnswered(page, "pageview");
        await page.GotoAsync(site.Origin + "/docs/");
        Assert.Equal(202, (await pageview).Status);
        await page.ClickAsync("#file");
        Assert.True(await site.AcceptedAtLeastAsync(4), "the file download's event did not reach the server");
        await page.WaitForURLAsync(site.Origin + "/files/notes.txt?v=2", Loaded);
        Assert.Contains("plain notes", await page.ContentAsync(), StringComparison.Ordinal);
        lock (errors) Assert.Empty(errors);
        await context.CloseAsync();

        await site.StopAsync();
        Assert.Equal(
        [
            "File Download /docs/ url=" + site.Origin + "/files/notes.txt",
            $"Outbound Link: Click / url=http://localhost:{site.Port}/landing/",
            "pageview /",
            "pageview /docs/",
        ], site.StoredEvents());
    }

    private static readonly PageWaitForURLOptions Loaded = new() { WaitUntil = WaitUntilState.DOMContentLoaded };
}
