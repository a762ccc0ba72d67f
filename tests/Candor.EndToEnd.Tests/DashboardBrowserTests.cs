using Candor.Analytics.Store;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Candor.EndToEnd.Tests;

/// <summary>
/// The public dashboard in Chromium, served by the whole server (CSP and all) over a DuckDB store seeded with known
/// visits: numbers read from the DOM, a row click filters, the period picker works — with JavaScript on and off — and
/// screenshots of both colour schemes at desktop and phone widths are saved for a person to look at.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private const string Domain = "example.org";

    [Fact]
    public async Task TheDashboardShowsTheSeededNumbersFiltersByARowAndChangesPeriodWithAndWithoutJavaScript()
    {
        await using var site = AnalyticsTestSite.Create("dashboard", (src, _) => File.WriteAllText(Path.Combine(src, "index.html"), "<p>hello</p>\n"));
        var now = DateTime.UtcNow;
        await SeedAsync(site.StorePath, now);
        await site.StartAsync(publicStats: true);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        foreach (var javaScript in new[] { true, false })
        {
            await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = javaScript, ViewportSize = new() { Width = 1280, Height = 900 } });
            context.SetDefaultTimeout(15_000);
            var page = await context.NewPageAsync();
            var problems = new List<string>();
            page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add(m.Text); };
            page.PageError += (_, e) => problems.Add(e);

            await page.GotoAsync($"{site.Origin}/stats/{Domain}");
            Assert.Equal("22", await Top(page, "visitors"));
            Assert.Equal("34", await Top(page, "pageviews"));
            Assert.Equal(["Organic Search=12", "Referral=9", "(other)=< 5"], await Rows(page, "sources"));
            Assert.Equal(["Germany=7", "United Kingdom=7", "United States=6", "(other)=< 5"], await Rows(page, "locations"));
            Assert.Equal("6", (await page.TextContentAsync(".live-count"))?.Trim());

            // A tab, then a row: Sources → Google filters the whole dashboard and drills down to Google's referrers.
            await page.ClickAsync("#panel-sources .tabs a:text-is('Sources')");
            Assert.Equal(["Google=12", "Hacker News=7", "(other)=< 5"], await Rows(page, "sources"));
            await page.ClickAsync("#panel-sources a.label:text-is('Google')");
            Assert.Contains("f=visit%3Asource%3D%3DGoogle", page.Url, StringComparison.Ordinal);
            Assert.Equal("12", await Top(page, "visitors"));
            Assert.Equal(["www.google.com=8", "(other)=< 5"], await Rows(page, "sources"));
            Assert.Equal(["Germany=6", "United States=6"], await Rows(page, "locations"));
            Assert.Contains("Source is Google", await page.TextContentAsync(".filters .chip"), StringComparison.Ordinal);

            // The chip removes the filter; the picker (a <details>, so no script needed) changes the period.
            await page.ClickAsync(".filters .chip");
            Assert.Equal("22", await Top(page, "visitors"));
            await page.ClickAsync(".picker summary");
            await page.ClickAsync(".picker a[data-period='day']");
            Assert.Contains("period=day", page.Url, StringComparison.Ordinal);
            Assert.Equal("6", await Top(page, "visitors"));
            await page.ClickAsync(".picker summary");
            await page.ClickAsync(".picker a[data-period='realtime']");
            Assert.Equal("6", await Top(page, "visitors"));
            Assert.Equal("Visitors per minute", await page.TextContentAsync(".graph figcaption"));
            await page.ClickAsync(".picker summary");
            await page.ClickAsync(".picker a[data-period='7d']");
            Assert.Equal("22", await Top(page, "visitors"));
            Assert.Equal(7, await page.Locator("#graph-data tbody tr").CountAsync());

            // Compare is a link too; the custom range is a GET form.
            await page.ClickAsync("a.toggle[role=switch]");
            Assert.Contains("compare=previous_period", page.Url, StringComparison.Ordinal);
            Assert.NotNull(await page.QuerySelectorAsync(".chart polyline.compared"));
            await page.ClickAsync(".picker summary");
            var yesterday = now.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await page.FillAsync("form.custom input[name=from]", yesterday);
            await page.FillAsync("form.custom input[name=to]", yesterday);
            await page.ClickAsync("form.custom button");
            Assert.Contains("period=custom", page.Url, StringComparison.Ordinal);
            Assert.Equal("22", await Top(page, "visitors"));
            Assert.Equal(1, await page.Locator("#graph-data tbody tr").CountAsync());

            if (javaScript)
            {
                // The script's one job besides the live count: Escape closes the period menu.
                await page.ClickAsync(".picker summary");
                await page.Keyboard.PressAsync("Escape");
                Assert.False(await page.EvalOnSelectorAsync<bool>("details.picker", "d => d.open"));
                var live = await page.EvaluateAsync<string>("fetch(document.querySelector('[data-live-url]').dataset.liveUrl).then(r => r.json()).then(j => j.text)");
                Assert.Equal("6", live);
            }
            Assert.Empty(problems);
        }
    }

    [Fact]
    public async Task ScreenshotsOfBothThemesAtDesktopAndPhoneWidths()
    {
        await using var site = AnalyticsTestSite.Create("dashboard-shots", (src, _) => File.WriteAllText(Path.Combine(src, "index.html"), "<p>hello</p>\n"));
        await SeedAsync(site.StorePath, DateTime.UtcNow, richer: true);
        await site.StartAsync(publicStats: true);
        var folder = Environment.GetEnvironmentVariable("CANDOR_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        foreach (var (name, width, height, mobile) in new[] { ("desktop", 1280, 900, false), ("phone", 390, 844, true) })
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var context = await browser.NewContextAsync(new()
            {
                ViewportSize = new() { Width = width, Height = height }, ColorScheme = scheme, IsMobile = mobile, HasTouch = mobile, DeviceScaleFactor = mobile ? 2 : 1,
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{site.Origin}/stats/{Domain}?period=30d&compare=previous_period");
            var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
            Assert.Equal(scheme == ColorScheme.Dark ? "rgb(15, 18, 24)" : "rgb(246, 247, 249)", background);
            // Nothing may stick out sideways on a phone.
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{name} {scheme}: horizontal overflow");
            var file = Path.Combine(folder, $"dashboard-{name}-{scheme.ToString().ToLowerInvariant()}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            Assert.True(new FileInfo(file).Length > 10_000);
        }
        output.WriteLine($"Dashboard screenshots: {folder}");
    }

    [Fact]
    public async Task APasswordProtectedShareLinkOpensInTheBrowserWithTheDeclaredCookie()
    {
        await using var site = AnalyticsTestSite.Create("dashboard-share", (src, _) => File.WriteAllText(Path.Combine(src, "index.html"), "<p>hello</p>\n"));
        await SeedAsync(site.StorePath, DateTime.UtcNow);
        var link = new Candor.Analytics.Dashboard.Sharing.ShareLinkStore(site.DataFolder, TimeProvider.System).Create(Domain, "tea for two");
        await site.StartAsync(publicStats: false);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await DebianChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync();
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        Assert.Equal(404, (await page.GotoAsync($"{site.Origin}/stats/{Domain}"))!.Status);

        await page.GotoAsync(site.Origin + link.Path);
        Assert.Null(await page.QuerySelectorAsync(".stats"));
        await page.FillAsync("#password", "not it");
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("not right", await page.TextContentAsync(".error"), StringComparison.Ordinal);
        await page.FillAsync("#password", "tea for two");
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("22", await Top(page, "visitors"));
        Assert.Equal(["Organic Search=12", "Referral=9", "(other)=< 5"], await Rows(page, "sources"));

        // The server's cookie inventory check removes any cookie the privacy policy does not list; this one survived.
        var cookie = (await context.CookiesAsync()).Single();
        Assert.Equal($"candor-share-{Domain}", cookie.Name);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        Assert.Equal($"/share/{Domain}", cookie.Path);
        Assert.Contains(Candor.Server.Cookies.SiteCookies.For(ads: false, analytics: true, gitHubProxy: null), d => d.Matches(cookie.Name));
    }

    private static async Task<string> Top(IPage page, string metric) => (await page.TextContentAsync($".stat[data-metric={metric}] .value"))!.Trim();

    /// <summary>A panel's rows as "name=visitors" (a country's code badge left out).</summary>
    private static async Task<List<string>> Rows(IPage page, string panel) =>
        (await page.EvalOnSelectorAllAsync<string[]>($"#panel-{panel} tbody tr",
            "rows => rows.map(r => { const l = r.querySelector('.label').cloneNode(true); l.querySelector('.cc')?.remove(); return l.textContent.trim() + '=' + r.querySelector('td').textContent; })")).ToList();

    /// <summary>
    /// Yesterday: 12 visitors from Google (6 Germany/Chrome, 6 US/Firefox; / then /blog/), 7 from Hacker News (Britain,
    /// Safari, one page), 2 from rare.example (France), 1 direct (Germany). Now: 6 visitors reading the blog (today's
    /// figures and "current visitors"). With <paramref name="richer"/>, a month of daily traffic for the screenshots.
    /// </summary>
    private static async Task SeedAsync(string storePath, DateTime now, bool richer = false)
    {
        var events = new List<StoredEvent>();
        ulong id = 1;
        StoredEvent Visit(DateTime at, string? source, string? referrer, string channel, string country, string browser, string os, string device, params string[] pages)
        {
            var visitor = id++;
            for (var i = 0; i < pages.Length; i++)
                events.Add(new StoredEvent
                {
                    Timestamp = at.AddMinutes(2 * i), Site = Domain, Name = "pageview", VisitorId = visitor, SessionId = visitor + 1_000_000,
                    Hostname = Domain, Pathname = pages[i], Source = source, ReferrerSource = source, Referrer = referrer, Channel = channel,
                    Country = country, Browser = browser, BrowserVersion = "130.0", Os = os, OsVersion = "10", Device = device,
                });
            return events[^1];
        }
        var yesterday = now.Date.AddDays(-1).AddHours(9);
        for (var i = 0; i < 12; i++)
            Visit(yesterday.AddMinutes(i), "Google", i < 8 ? "www.google.com" : "www.google.de", "Organic Search", i < 6 ? "DE" : "US", i < 6 ? "Chrome" : "Firefox", "Windows", "Desktop", "/", "/blog/");
        for (var i = 0; i < 7; i++)
            Visit(yesterday.AddHours(2).AddMinutes(i), "Hacker News", "news.ycombinator.com", "Referral", "GB", "Safari", "macOS", "Desktop", "/blog/");
        for (var i = 0; i < 2; i++)
            Visit(yesterday.AddHours(4).AddMinutes(i), "rare.example", "rare.example/links", "Referral", "FR", "Firefox", "GNU/Linux", "Mobile", "/pricing/");
        Visit(yesterday.AddHours(5), null, null, "Direct", "DE", "Chrome", "Windows", "Desktop", "/pricing/");
        for (var i = 0; i < 6; i++)
            Visit(now.AddMinutes(-2).AddSeconds(-i), "Google", "www.google.com", "Organic Search", "NL", "Firefox", "GNU/Linux", "Desktop", "/blog/");
        if (richer)
        {
            var random = new Random(7);
            string[] pages = ["/", "/blog/", "/blog/why-candor/", "/docs/getting-started/", "/pricing/", "/about/", "/docs/api/", "/blog/k-anonymity/", "/contact/"];
            (string? Source, string? Referrer, string Channel)[] sources =
                [("Google", "www.google.com", "Organic Search"), (null, null, "Direct"), ("Hacker News", "news.ycombinator.com", "Referral"), ("DuckDuckGo", "duckduckgo.com", "Organic Search"),
                 ("Mastodon", "mastodon.social", "Organic Social"), ("GitHub", "github.com", "Referral"), ("Bing", "www.bing.com", "Organic Search"), ("Reddit", "www.reddit.com", "Organic Social")];
            string[] countries = ["DE", "US", "FR", "GB", "NL", "CH", "AT", "SE", "JP", "BR", "CA", "IN"];
            (string Browser, string Os, string Device)[] agents = [("Chrome", "Windows", "Desktop"), ("Firefox", "GNU/Linux", "Desktop"), ("Safari", "iOS", "Mobile"), ("Chrome", "Android", "Mobile"), ("Safari", "macOS", "Desktop"), ("Edge", "Windows", "Desktop")];
            for (var day = 2; day <= 60; day++)
            {
                var start = now.Date.AddDays(-day);
                var count = 40 + (int)(25 * Math.Sin(day / 4.0)) + random.Next(20) - (start.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 25 : 0);
                for (var v = 0; v < count; v++)
                {
                    int Pick(int n) => (int)Math.Min(n - 1, Math.Floor(Math.Pow(random.NextDouble(), 2.2) * n));
                    var (source, referrer, channel) = sources[Pick(sources.Length)];
                    var (browser, os, device) = agents[Pick(agents.Length)];
                    var depth = 1 + Pick(4);
                    var last = Visit(start.AddMinutes(random.Next(24 * 60 - 30)), source, referrer, channel, countries[Pick(countries.Length)], browser, os, device,
                        Enumerable.Range(0, depth).Select(_ => pages[Pick(pages.Length)]).ToArray());
                    // Some visits end in a custom event, for the Goals and Properties panels.
                    (string Name, string Key, string Value)? custom = random.Next(12) switch
                    {
                        0 => ("Signup", "plan", random.Next(3) == 0 ? "team" : "personal"),
                        1 or 2 => ("File Download", "url", random.Next(2) == 0 ? "https://example.org/candor.pdf" : "https://example.org/handbook.zip"),
                        3 => ("Outbound Link: Click", "url", "https://github.com/candor/candor"),
                        _ => null,
                    };
                    if (custom is { } c)
                        events.Add(last with { Name = c.Name, Timestamp = last.Timestamp.AddSeconds(20), Props = [new(c.Key, c.Value)] });
                }
            }
        }
        await using var store = DuckDbEventStore.Open(storePath);
        await store.AppendAsync(events.OrderBy(e => e.Timestamp).ToList());
    }
}
