using System.Net;
using System.Net.Sockets;
using Candor.Server;
using Candor.Site;
using DuckDB.NET.Data;
using Microsoft.Playwright;

namespace Candor.EndToEnd.Tests;

/// <summary>
/// Candor's own tracker in Chromium, against Candor's endpoint: a pageview and a queued custom event land in
/// the DuckDB file; with <c>localStorage.plausible_ignore</c> set nothing is sent at all.
/// </summary>
public sealed class AnalyticsTrackerBrowserTests
{
    [Fact]
    public async Task APageviewLandsInTheStoreAndTheIgnoreFlagSilencesTheTracker()
    {
        var root = Path.Combine(Path.GetTempPath(), "candor-tracker-e2e-" + Guid.NewGuid().ToString("N"));
        try
        {
            var src = Path.Combine(root, "src");
            Directory.CreateDirectory(Path.Combine(src, "assets"));
            // data-include-localhost: the test runs on loopback, which the tracker otherwise skips.
            File.WriteAllText(Path.Combine(src, "index.html"),
                "---\n---\n<!doctype html><title>t</title><script defer src=\"/assets/goal.js\"></script>" +
                "<script defer data-domain=\"example.org\" data-include-localhost src=\"/js/script.js\"></script><p>hello</p>\n");
            File.WriteAllText(Path.Combine(src, "assets", "goal.js"),
                "window.plausible=window.plausible||function(){(window.plausible.q=window.plausible.q||[]).push(arguments)};plausible('Signup',{props:{plan:'pro'}});\n");
            var site = Path.Combine(root, "site");
            var data = Path.Combine(root, "data");
            new SiteBuilder(new BuildOptions { Source = src, Destination = site }).Build();
            var port = DebianChromium.FreePort();
            var origin = $"http://127.0.0.1:{port}";
            var server = SiteServer.Create(new SiteServerOptions { SiteRoot = site, Host = "127.0.0.1", Port = port, DataFolder = data, AnalyticsSites = ["example.org"], Analytics = true });
            await server.StartAsync();
            try
            {
                using var playwright = await Playwright.CreateAsync();
                await using var browser = await DebianChromium.LaunchAsync(playwright);
                // Headless Chromium says "HeadlessChrome" in its User-Agent, which the server rightly drops as a
                // bot; this test is about the tracker reaching the store, so the browser presents a desktop one.
                var context = await browser.NewContextAsync(new()
                {
                    UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
                });
                // Automation sets navigator.webdriver, which the tracker (like Plausible's) treats as a bot; a
                // visitor's browser does not, so the test puts it back the way a visitor has it.
                await context.AddInitScriptAsync("Object.defineProperty(Navigator.prototype,'webdriver',{get:()=>false})");
                var events = new List<string>();
                context.Request += (_, request) => { if (request.Url.EndsWith("/api/event", StringComparison.Ordinal)) lock (events) events.Add(request.PostData ?? ""); };
                var page = await context.NewPageAsync();
                var errors = new List<string>();
                page.PageError += (_, error) => errors.Add(error);

                var answered = new List<IResponse>();
                page.Response += (_, r) => { if (r.Url.EndsWith("/api/event", StringComparison.Ordinal)) lock (answered) answered.Add(r); };
                await page.GotoAsync(origin + "/");
                await WaitUntil(() => { lock (answered) return answered.Count >= 2; });
                lock (answered) Assert.All(answered, r => Assert.Equal(202, r.Status));
                lock (events)
                {
                    Assert.Contains(events, e => e.Contains("\"n\":\"pageview\"", StringComparison.Ordinal) && e.Contains("\"d\":\"example.org\"", StringComparison.Ordinal));
                    Assert.Contains(events, e => e.Contains("\"n\":\"Signup\"", StringComparison.Ordinal));
                }

                await page.EvaluateAsync("localStorage.setItem('plausible_ignore','true')");
                lock (events) events.Clear();
                await page.ReloadAsync();
                await page.WaitForTimeoutAsync(300);
                lock (events) Assert.Empty(events);
                Assert.Empty(errors);
            }
            finally
            {
                await server.StopAsync();
                await server.DisposeAsync();
            }

            using var connection = new DuckDBConnection($"Data Source={Path.Combine(data, "analytics.duckdb")}");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name, site, pathname, hostname FROM events ORDER BY name";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read()) rows.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)} {reader.GetString(3)}");
            Assert.Equal(["Signup example.org / 127.0.0.1", "pageview example.org / 127.0.0.1"], rows);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition(), "timed out");
    }

}
