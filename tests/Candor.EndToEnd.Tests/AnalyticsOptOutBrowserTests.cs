using System.Net;
using System.Net.Sockets;
using Candor.Server;
using Candor.Site;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Candor.EndToEnd.Tests;

/// <summary>
/// <c>{% analytics_opt_out %}</c> in a real browser: the button sets and clears <c>localStorage.plausible_ignore</c>
/// (the flag Plausible-compatible trackers honour), the section shows the state, and it survives a reload.
/// </summary>
public sealed class AnalyticsOptOutBrowserTests
{
    [Fact]
    public async Task TheButtonTogglesTheFlagAndShowsTheState()
    {
        var root = Path.Combine(Path.GetTempPath(), "candor-optout-e2e-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "src"));
            File.WriteAllText(Path.Combine(root, "src", "index.md"), "---\ntitle: Opt out\n---\n# Statistics\n\n{% analytics_opt_out %}\n");
            var site = Path.Combine(root, "site");
            new SiteBuilder(new BuildOptions { Source = Path.Combine(root, "src"), Destination = site }).Build();
            var port = DebianChromium.FreePort();
            await using var server = SiteServer.Create(new SiteServerOptions { SiteRoot = site, Host = "127.0.0.1", Port = port });
            await server.StartAsync();
            var origin = $"http://127.0.0.1:{port}";

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await DebianChromium.LaunchAsync(playwright);
            var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);
            await page.GotoAsync(origin + "/");

            var section = page.Locator("[data-candor-analytics-opt-out]");
            var button = section.Locator("button");
            await Expect(section.Locator("[data-candor-state]")).ToContainTextAsync("on");
            await Expect(button).ToHaveAttributeAsync("aria-pressed", "false");
            Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('plausible_ignore')"));

            await button.ClickAsync();
            Assert.Equal("true", await page.EvaluateAsync<string?>("localStorage.getItem('plausible_ignore')"));
            await Expect(section.Locator("[data-candor-state]")).ToContainTextAsync("not counted");

            await page.ReloadAsync();
            await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");

            await button.ClickAsync();
            Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('plausible_ignore')"));
            await Expect(button).ToHaveAttributeAsync("aria-pressed", "false");
            Assert.Empty(await context.CookiesAsync());
            Assert.Empty(errors);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

}
