using System.Net;
using System.Net.Sockets;
using System.Text;
using Candor.Privacy.AccessLog;
using Candor.Server;
using Candor.Server.Configuration;
using Candor.Site;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Candor.GitHub.Tests;

/// <summary>
/// End to end in Chromium: the example site, built and served by <see cref="SiteServer"/> with the proxy wired
/// from the example's own <c>candor: github_proxy:</c> settings (only GitHub's URLs point at the fake).
/// <para>Origins: the site is <c>https://127.0.0.1:P1</c> — HTTPS with Candor's self-signed certificate, because the
/// cookies are <c>Secure</c> (<c>__Secure-</c> prefix) and SameSite behaviour should be what production sees; only
/// this test browser ignores certificate errors. The page that is <em>not</em> allowed is <c>http://localhost:P2</c>:
/// another host, so another origin and another site. The fake GitHub is plain HTTP on loopback, which the proxy
/// accepts only because it is loopback.</para>
/// </summary>
public sealed class BrowserTests
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--ignore-certificate-errors",
    ];

    [Fact]
    public async Task LogInStarUnstarLogOutAndAForeignOriginReadsNothing()
    {
        var started = DateTime.UtcNow.AddSeconds(-2);
        var root = Path.Combine(Path.GetTempPath(), "candor-github-e2e-" + Guid.NewGuid().ToString("N"));
        var tokens = new List<string>();
        try
        {
            await using (var fake = await FakeGitHub.Start())
            {
                await Run(root, fake);
                tokens.AddRange(fake.IssuedTokens);
            }
            Assert.NotEmpty(tokens);
            // The scan can see a token where there is one (checked on a planted copy, then removed).
            var planted = Path.Combine(root, "planted.txt");
            File.WriteAllText(planted, "before " + tokens[0] + " after");
            Assert.True(Contains(planted, tokens[0]));
            File.Delete(planted);
            // Everything has stopped (browser, server, access log flushed): nothing this run wrote holds a token.
            var leaks = FilesWrittenSince(started, root).Where(file => tokens.Any(t => Contains(file, t))).ToList();
            Assert.Empty(leaks);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(root, ".candor", "keys"), "key-*.xml"));
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

    private static async Task Run(string root, FakeGitHub fake)
    {
        var example = Path.Combine(RepositoryRoot(), "example");
        var site = Path.Combine(root, "site");
        var build = new SiteBuilder(new BuildOptions { Source = example, Destination = site });
        build.Build();
        var port = FreePort();
        var siteOrigin = $"https://127.0.0.1:{port}";
        var applied = ServerConfigSection.Apply(new SiteServerOptions { SiteRoot = site }, build.LoadConfig().Values, example);
        var configured = applied.GitHubProxy!;
        Assert.Equal("/proxy", configured.Prefix);
        var options = new SiteServerOptions
        {
            SiteRoot = site,
            Host = "127.0.0.1",
            Port = port,
            SelfSigned = true,
            DataFolder = Path.Combine(root, ".candor"),
            AccessLog = new AccessLogOptions { Folder = Path.Combine(root, ".candor", "logs") },
            // The example's pages load the analytics tracker; without analytics on, /js/script.js would be a 404.
            AnalyticsSites = applied.AnalyticsSites,
            GitHubProxy = configured with
            {
                ClientId = FakeGitHub.ClientId,
                ClientSecret = FakeGitHub.ClientSecret,
                GitHubUrl = fake.Url,
                ApiUrl = fake.Url,
                KeyFolder = Path.Combine(root, ".candor", "keys"),
                AllowedOrigins = [siteOrigin],
            },
        };
        await using var server = SiteServer.Create(options);
        await server.StartAsync();
        await using var foreign = await ForeignSite();
        var foreignUrl = $"http://localhost:{new Uri(foreign.Urls.First()).Port}/page.html";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ChromiumArgs, Headless = true });
        var context = await browser.NewContextAsync(new() { IgnoreHTTPSErrors = true });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(siteOrigin + "/plugins/");
        var feed = page.Locator("button.star[data-repo='jekyll/jekyll-feed']");
        await Expect(feed).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(feed.Locator(".star-count")).ToHaveTextAsync("42");
        await Expect(page.Locator("button.star")).ToHaveCountAsync(6);
        await Expect(page.Locator(".star-logout")).ToBeHiddenAsync();

        // Star: not logged in, so the click opens the login popup; it closes itself and the star goes through.
        var popup = await page.RunAndWaitForPopupAsync(() => feed.ClickAsync());
        await WaitUntilClosed(popup);
        await Expect(feed).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(feed.Locator(".star-label")).ToHaveTextAsync("Unstar");
        await Expect(feed.Locator(".star-count")).ToHaveTextAsync("43");
        Assert.Equal(43, fake.Stars("jekyll/jekyll-feed"));
        await Expect(page.Locator(".star-logout")).ToBeVisibleAsync();

        // The state survives a reload (the cookie), and scripts cannot see the cookie.
        await page.ReloadAsync();
        await Expect(feed).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("button.star[data-repo='jekyll/jemoji']")).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.DoesNotContain("candor-github", await page.EvaluateAsync<string>("document.cookie"));
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == TokenCookie.Name);
        Assert.True(cookie.HttpOnly && cookie.Secure);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("/proxy", cookie.Path);
        Assert.DoesNotContain(fake.IssuedTokens.Single(), cookie.Value);

        // A page on an origin that is not allowed, in the same browser, while logged in: it can read nothing,
        // and its attempts to change anything fail.
        var other = await context.NewPageAsync();
        await other.GotoAsync(foreignUrl);
        foreach (var path in new[] { "/proxy/", "/proxy/user", "/proxy/repos/jekyll/jekyll-feed", "/proxy/user/starred/jekyll/jekyll-feed" })
            Assert.Equal("blocked", await other.EvaluateAsync<string>(
                "url => fetch(url, { credentials: 'include' }).then(r => r.text()).then(t => 'read: ' + t, () => 'blocked')", siteOrigin + path));
        Assert.Equal("blocked", await other.EvaluateAsync<string>(
            "url => fetch(url, { method: 'DELETE', credentials: 'include' }).then(r => 'status ' + r.status, () => 'blocked')", siteOrigin + "/proxy/user/starred/jekyll/jekyll-feed"));
        // A no-cors POST is sent (its answer is opaque): the server refuses it, so the visitor stays logged in.
        await other.EvaluateAsync("url => fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include' }).catch(() => null)", siteOrigin + "/proxy/logout");
        await other.CloseAsync();
        Assert.Equal(43, fake.Stars("jekyll/jekyll-feed"));
        Assert.Contains("\"authorized\":true", await page.EvaluateAsync<string>("() => fetch('/proxy/').then(r => r.text())"));

        // Unstar, then log out.
        await feed.ClickAsync();
        await Expect(feed).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(feed.Locator(".star-count")).ToHaveTextAsync("42");
        Assert.Equal(42, fake.Stars("jekyll/jekyll-feed"));
        await page.Locator(".star-logout").ClickAsync();
        await Expect(page.Locator(".star-logout")).ToBeHiddenAsync();
        Assert.Contains("\"authorized\":false", await page.EvaluateAsync<string>("() => fetch('/proxy/').then(r => r.text())"));
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == TokenCookie.Name);
        // 404s of "not starred" show up as "Failed to load resource"; anything else (a CSP violation, a script error) must not.
        Assert.DoesNotContain(errors, e => !e.Contains("Failed to load resource", StringComparison.Ordinal));
        await context.CloseAsync();
        await server.StopAsync();
    }

    private static async Task WaitUntilClosed(IPage popup)
    {
        for (var waited = 0; !popup.IsClosed; waited += 50)
        {
            if (waited > 10_000) Assert.Fail("the login popup did not close: " + await popup.ContentAsync());
            await Task.Delay(50);
        }
    }

    /// <summary>A page on http://localhost:P2, an origin the proxy does not allow.</summary>
    private static async Task<WebApplication> ForeignSite()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/page.html", (HttpContext c) =>
        {
            c.Response.ContentType = "text/html; charset=utf-8";
            return c.Response.WriteAsync("<!doctype html><title>Somebody else</title><p>Not on the allowlist.</p>");
        });
        await app.StartAsync();
        return app;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Candor.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Candor.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Every file written during the run that this process (or the browser it started) could have written:
    /// the run's own folder, and anything new under the temp folder, the home folder and the working folder.
    /// </summary>
    private static IEnumerable<string> FilesWrittenSince(DateTime since, string root)
    {
        var walk = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var places = new[] { root, Path.GetTempPath(), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), Environment.CurrentDirectory };
        return places.Where(Directory.Exists).SelectMany(place => Directory.EnumerateFiles(place, "*", walk))
            .Distinct()
            .Where(file =>
            {
                try
                {
                    var info = new FileInfo(file);
                    // Length 0 also skips FIFOs and sockets, which would block a read (and cannot hold a token anyway).
                    return (file.StartsWith(root, StringComparison.Ordinal) || info.LastWriteTimeUtc >= since) && info.Length is > 0 and < 256 << 20;
                }
                catch (IOException)
                {
                    return false;
                }
            });
    }

    private static bool Contains(string file, string token)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var needle = Encoding.UTF8.GetBytes(token);
            var buffer = new byte[1 << 20];
            var carry = 0;
            int read;
            while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
            {
                var span = buffer.AsSpan(0, carry + read);
                if (span.IndexOf(needle) >= 0) return true;
                carry = Math.Min(needle.Length - 1, span.Length);
                span[^carry..].CopyTo(buffer);
            }
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
