using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Candor.Server;
using Candor.Server.Configuration;
using Candor.Site;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Candor.EndToEnd.Tests;

/// <summary>
/// The example site (video, comments and ads enabled by its own configuration) built and served by
/// <see cref="SiteServer"/>, visited by Chromium with every request recorded. Third-party hosts never see a
/// request: Playwright's routing answers them with small fakes, and records them like everything else.
/// </summary>
public sealed class EmbedsBrowserTests
{
    private const string VideoFrame = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1";

    [Fact]
    public async Task PagesRequestOnlyTheSiteAndTheAdScriptUntilAClickAndOptOutRemovesAds()
    {
        var root = Path.Combine(Path.GetTempPath(), "candor-embeds-e2e-" + Guid.NewGuid().ToString("N"));
        try
        {
            var port = DebianChromium.FreePort();
            var origin = $"http://127.0.0.1:{port}";
            // A copy of the example whose `url` is this server, so absolute links (redirect pages) stay on it.
            var example = Path.Combine(root, "example");
            Copy(Path.Combine(RepositoryRoot(), "example"), example);
            var config = Path.Combine(example, "_config.yml");
            File.WriteAllText(config, File.ReadAllText(config).Replace("url: \"http://127.0.0.1:4000\"", $"url: \"{origin}\"", StringComparison.Ordinal));
            var site = Path.Combine(root, "site");
            var build = new SiteBuilder(new BuildOptions { Source = example, Destination = site });
            build.Build();
            var options = ServerConfigSection.Apply(new SiteServerOptions { SiteRoot = site, Host = "127.0.0.1", Port = port }, build.LoadConfig().Values, example)
                with { AccessLog = null, GitHubProxy = null };
            Assert.True(options.Consent.AdsEnabled && options.Consent.Videos && options.Consent.Forum is not null);
            var adScript = options.Consent.AdScript!.AbsoluteUri;
            await using var server = SiteServer.Create(options);
            await server.StartAsync();

            var pages = Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories)
                .Select(f => "/" + Path.GetRelativePath(site, f).Replace('\\', '/'))
                .Select(p => p.EndsWith("/index.html", StringComparison.Ordinal) || p == "/index.html" ? p[..^"index.html".Length] : p)
                .Where(p => p != "/404.html")
                .Order(StringComparer.Ordinal)
                .ToList();
            Assert.Contains("/video/", pages);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await DebianChromium.LaunchAsync(playwright);
            var context = await browser.NewContextAsync();
            var requests = new ConcurrentQueue<string>();
            context.Request += (_, request) => requests.Enqueue(request.Url);
            // Every other host is answered here, never by the network.
            await context.RouteAsync(url => !url.StartsWith(origin + "/", StringComparison.Ordinal), route => route.FulfillAsync(new()
            {
                Status = 200,
                ContentType = route.Request.Url.EndsWith(".js", StringComparison.Ordinal) || route.Request.Url.Contains("carbon.js", StringComparison.Ordinal)
                    ? "application/javascript" : "text/html",
                Body = route.Request.Url.Contains("carbon.js", StringComparison.Ordinal) ? "/* fake ad */" : "<!doctype html><title>fake</title><p>fake provider</p>",
            }));
            var page = await context.NewPageAsync();
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);

            // 1. Every page, no interaction: only the site itself, plus the ad script where there is an ad slot.
            foreach (var path in pages)
                await page.GotoAsync(origin + path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            var foreign = Drain(requests).Where(u => !u.StartsWith(origin + "/", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(foreign);
            Assert.All(foreign, url => Assert.Equal(adScript, url));
            Assert.Empty(await context.CookiesAsync());

            // 2. A click on the video preview loads exactly the nocookie player, and nothing else from elsewhere.
            await page.GotoAsync(origin + "/video/", new() { WaitUntil = WaitUntilState.NetworkIdle });
            Drain(requests);
            var play = page.Locator(".candor-video > button");
            await play.FocusAsync();
            await page.Keyboard.PressAsync("Enter"); // keyboard-accessible: a real <button>
            await Expect(page.Locator("iframe.candor-embed-frame")).ToHaveAttributeAsync("src", VideoFrame);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal([VideoFrame], Drain(requests).Where(u => !u.StartsWith(origin + "/", StringComparison.Ordinal)).ToList());

            // 3. Comments load from the forum only after the click.
            var post = pages.Single(p => p.Contains("why-no-third-parties", StringComparison.Ordinal));
            await page.GotoAsync(origin + post, new() { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.DoesNotContain(Drain(requests), u => u.Contains("forum.example.org", StringComparison.Ordinal));
            await page.Locator(".candor-comments > button").ClickAsync();
            await Expect(page.Locator(".candor-comments iframe")).ToHaveCountAsync(1);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var forumRequests = Drain(requests).Where(u => !u.StartsWith(origin + "/", StringComparison.Ordinal)).ToList();
            Assert.Equal("https://forum.example.org/embed/comments?embed_url=" + Uri.EscapeDataString(origin + post), Assert.Single(forumRequests));

            // 4. Opt out with the plain link (no script involved): back on the same page, without the ad.
            await page.GotoAsync(origin + "/blog/", new() { WaitUntil = WaitUntilState.NetworkIdle });
            await page.Locator(".candor-ad-choice a").ClickAsync();
            await page.WaitForURLAsync(origin + "/blog/");
            await Expect(page.Locator("#_carbonads_js")).ToHaveCountAsync(0);
            await Expect(page.Locator(".candor-ad-choice a")).ToHaveTextAsync("Show ads");
            var cookie = Assert.Single(await context.CookiesAsync());
            Assert.Equal(Candor.Privacy.Consent.AdsOptOutCookie.Name, cookie.Name);
            Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
            Assert.True(cookie.HttpOnly);
            Drain(requests);
            foreach (var path in pages)
                await page.GotoAsync(origin + path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.All(Drain(requests), url => Assert.StartsWith(origin + "/", url));

            // 5. Opting back in brings the ad back.
            await page.GotoAsync(origin + "/blog/", new() { WaitUntil = WaitUntilState.NetworkIdle });
            await page.Locator(".candor-ad-choice a").ClickAsync();
            await page.WaitForURLAsync(origin + "/blog/");
            await Expect(page.Locator("#_carbonads_js")).ToHaveCountAsync(1);
            Assert.Empty(await context.CookiesAsync());
            Assert.Empty(errors);
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static List<string> Drain(ConcurrentQueue<string> queue)
    {
        var items = new List<string>();
        while (queue.TryDequeue(out var item)) items.Add(item);
        return items;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("_site", StringComparison.Ordinal) || relative.StartsWith(".candor", StringComparison.Ordinal)) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }


    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Candor.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Candor.slnx not found above " + AppContext.BaseDirectory);
    }
}
