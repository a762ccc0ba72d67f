using System.IO.Compression;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Candor.Analytics.Query;
using Candor.Analytics.Tests.Query;

namespace Candor.Analytics.Tests.Dashboard;

/// <summary>The dashboard over a seeded DuckDB store (see <see cref="DashboardHost.Seed"/>), read back with AngleSharp.</summary>
public sealed class DashboardPageTests
{
    private const string Stats = "/stats/" + DashboardHost.Site;

    private static async Task<IDocument> PageAsync(DashboardHost host, string url)
    {
        var response = await host.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static string Top(IDocument page, string metric) => page.QuerySelector($".stat[data-metric={metric}] .value")!.TextContent;

    /// <summary>A panel's rows as "name=first metric".</summary>
    private static List<string> Rows(IDocument page, string panel) =>
        page.QuerySelectorAll($"#panel-{panel} tbody tr").Select(r => $"{r.QuerySelector(".label")!.TextContent.Trim()}={r.QuerySelector("td")!.TextContent}").ToList();

    [Fact]
    public async Task APublicDashboardShowsEveryPanelWithRowsUnderKFoldedIntoOther()
    {
        await using var host = await DashboardHost.StartAsync(isPublic: true);

        var page = await PageAsync(host, Stats + "?panel=sources:sources");

        Assert.Equal("22", Top(page, "visitors"));
        Assert.Equal("22", Top(page, "visits"));
        Assert.Equal("34", Top(page, "pageviews"));
        foreach (var panel in new[] { "sources", "pages", "locations", "devices", "goals", "props" })
            Assert.NotNull(page.QuerySelector($"#panel-{panel}"));
        Assert.Equal(["Google=12", "Hacker News=7", "(other)=< 5"], Rows(page, "sources"));
        Assert.Equal(["/blog/=19", "/=12", "(other)=< 5"], Rows(page, "pages"));
        Assert.Equal(["DEGermany=7", "GBUnited Kingdom=7", "USUnited States=6", "(other)=< 5"], Rows(page, "locations"));
        Assert.Equal(["Firefox=8", "Chrome=7", "Safari=7"], Rows(page, "devices"));
        // Two sign-ups by two visitors: under k, so even the goals panel shows only "(other)".
        Assert.Equal(["(other)=< 5"], Rows(page, "goals"));
        // The folded row is text, never a filter link; the others are.
        Assert.Null(page.QuerySelector("#panel-sources tr.folded a"));
        var google = page.QuerySelectorAll("#panel-sources a.label").Single(a => a.TextContent == "Google");
        Assert.Equal(Stats + "?f=visit%3Asource%3D%3DGoogle&panel=sources%3Asources", google.GetAttribute("href"));
        Assert.Contains("fewer than 5 visitors", page.QuerySelector(".kanon")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePeriodPickerAndTabsAreLinksThatKeepTheRestOfTheView()
    {
        await using var host = await DashboardHost.StartAsync(isPublic: true);

        var page = await PageAsync(host, Stats + "?f=visit:country%3D%3DGB");

        var periods = page.QuerySelectorAll(".picker a[data-period]").ToDictionary(a => a.GetAttribute("data-period")!, a => a.GetAttribute("href")!);
        Assert.Equal(11, periods.Count);
        Assert.Equal(Stats + "?period=7d&f=visit%3Acountry%3D%3DGB", periods["7d"]);
        Assert.Equal(Stats + "?f=visit%3Acountry%3D%3DGB", periods["30d"]);
        Assert.NotNull(page.QuerySelector("form.custom input[name=from][type=date]"));
        Assert.Equal("visit:country==GB", page.QuerySelector("form.custom input[name=f]")!.GetAttribute("value"));
        var chip = page.QuerySelector(".filters a.chip")!;
        Assert.Contains("Country is United Kingdom", chip.TextContent, StringComparison.Ordinal);
        Assert.Equal(Stats, chip.GetAttribute("href"));
        Assert.Equal("7", Top(page, "visitors"));
        var os = page.QuerySelectorAll("#panel-devices .tabs a").Single(a => a.TextContent == "OS");
        Assert.Equal(Stats + "?f=visit%3Acountry%3D%3DGB&panel=devices%3Aos#panel-devices", os.GetAttribute("href"));
        var compare = page.QuerySelector("a.toggle[role=switch]")!;
        Assert.Equal("false", compare.GetAttribute("aria-checked"));
        Assert.Contains("compare=previous_period", compare.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilteringByAFoldedValueIsRefusedSoTheTopStatsCannotCountItsVisitors()
    {
        await using var host = await DashboardHost.StartAsync(isPublic: true);

        var page = await PageAsync(host, Stats + "?f=visit:source%3D%3Drare.example");

        Assert.Equal("22", Top(page, "visitors"));
        Assert.Null(page.QuerySelector(".filters"));
        Assert.Contains("fewer than 5 visitors", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiltersThatNarrowTheViewBelowKWithholdEveryNumberShown()
    {
        await using var host = await DashboardHost.StartAsync(isPublic: true);

        // Firefox (8) and Referral (9) each pass on their own; together they are the two rare.example visitors.
        var page = await PageAsync(host, Stats + "?f=visit:browser%3D%3DFirefox&f=visit:channel%3D%3DReferral");

        Assert.Equal(2, page.QuerySelectorAll(".filters a.chip").Length);
        Assert.Equal("< 5", Top(page, "visitors"));
        Assert.Equal("< 5", Top(page, "pageviews"));
        Assert.Equal("–", Top(page, "bounce_rate"));
        Assert.Equal("–", Top(page, "visit_duration"));
        // Each list is checked non-empty first: an empty panel or graph would pass the checks after it.
        var pageRows = page.QuerySelectorAll("#panel-pages tbody tr");
        Assert.NotEmpty(pageRows);
        Assert.All(pageRows, r => Assert.Equal("folded", r.ClassName));
        var graphCells = page.QuerySelectorAll("#graph-data td");
        Assert.NotEmpty(graphCells);
        Assert.DoesNotContain(graphCells, td => td.TextContent is "1" or "2");
        var pointTitles = page.QuerySelectorAll(".chart title");
        Assert.NotEmpty(pointTitles);
        Assert.DoesNotContain(pointTitles, t => t.TextContent.Contains(": 2 visitors", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithKOfOneTheFiguresAreExactAndASourceFilterDrillsDownToItsReferrers()
    {
        await using var host = await DashboardHost.StartAsync(isPublic: true, k: 1);

        var page = await PageAsync(host, Stats + "?f=visit:source%3D%3DGoogle");

        Assert.Equal("12", Top(page, "visitors"));
        Assert.Equal("referrers", page.QuerySelector("#panel-sources")!.GetAttribute("data-tab"));
        Assert.Equal(["www.google.com=8", "www.google.de=4"], Rows(page, "sources"));
        var all = await PageAsync(host, Stats + "?panel=sources:sources");
        Assert.Contains("rare.example=2", Rows(all, "sources"));
        Assert.Equal(["Signup=2"], Rows(all, "goals"));
        Assert.DoesNotContain("fewer than", all.QuerySelector(".kanon")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredGoalsFillTheGoalsPanelAndAGoalFilterTurnsTheTopStatsIntoConversions()
    {
        await using var host = await DashboardHost.StartAsync(isPublic: true, k: 1, goals: [Goal.Event("Signup"), Goal.Page("/pricing/")]);

        var page = await PageAsync(host, Stats);
        Assert.Equal("goals", page.QuerySelector("#panel-goals")!.GetAttribute("data-tab"));
        Assert.Equal(["Visit /pricing/=3", "Signup=2"], Rows(page, "goals"));
        var signup = page.QuerySelectorAll("#panel-goals tbody tr").Single(r => r.TextContent.Contains("Signup", StringComparison.Ordinal));
        Assert.Equal("9.1%", signup.QuerySelector("td[data-metric=conversion_rate]")!.TextContent);

        var filtered = await PageAsync(host, Stats + "?f=event:goal%3D%3DSignup");
        Assert.Equal("Unique conversions", filtered.QuerySelector(".stat[data-metric=visitors] dt")!.TextContent);
        Assert.Equal("2", Top(filtered, "visitors"));
        Assert.Equal("9.1%", Top(filtered, "conversion_rate"));
        Assert.Null(filtered.QuerySelector(".stat[data-metric=bounce_rate]"));
    }

    [Fact]
    public async Task ABrowserFilterShowsItsVersions()
    {
        await using var host = await DashboardHost.StartAsync(isPublic: true, k: 1);

        var page = await PageAsync(host, Stats + "?f=visit:browser%3D%3DFirefox");

        Assert.Equal("browser_version", page.QuerySelector("#panel-devices")!.GetAttribute("data-tab"));
        Assert.Equal(["128.0=8"], Rows(page, "devices"));
    }

    [Fact]
    public async Task APrivateOrUnknownSiteIsA404ThatLooksLikeAnyOther()
    {
        await using var host = await DashboardHost.StartAsync(isPublic: false);

        var configured = await host.Client.GetAsync(Stats);
        var unknown = await host.Client.GetAsync("/stats/unknown.example");
        var export = await host.Client.GetAsync(Stats + "/export");

        Assert.Equal(HttpStatusCode.NotFound, configured.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await configured.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheCsvZipHoldsEveryPanelWithTheSameFoldingAsThePage()
    {
        await using var host = await DashboardHost.StartAsync(isPublic: true);

        var response = await host.Client.GetAsync(Stats + "/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var files = await ReadZip(await response.Content.ReadAsStreamAsync());
        foreach (var name in new[] { "visitors.csv", "sources.csv", "channels.csv", "pages.csv", "entry_pages.csv", "exit_pages.csv", "countries.csv", "browsers.csv", "operating_systems.csv", "devices.csv", "conversions.csv", "utm_sources.csv", "utm_campaigns.csv", "referrers.csv" })
            Assert.True(files.ContainsKey(name), name);
        Assert.Equal("name,visitors,visits,bounce_rate,visit_duration", files["sources.csv"][0]);
        Assert.StartsWith("Google,12,12,", files["sources.csv"][1], StringComparison.Ordinal);
        Assert.Equal("(other),<5,<5,,", files["sources.csv"][^1]);
        Assert.Equal("date,visitors,visits,pageviews,views_per_visit,bounce_rate,visit_duration", files["visitors.csv"][0]);
        Assert.Contains(files["visitors.csv"], line => line.StartsWith("2026-03-10,22,22,34,", StringComparison.Ordinal));
        Assert.Equal(["name,visitors", "DE,7", "GB,7", "US,6", "(other),<5"], files["countries.csv"]);
    }

    [Theory]
    [InlineData(5, "< 5", null)]
    [InlineData(1, "2", 2)]
    public async Task CurrentVisitorsAreCountedForTheLiveRefreshAndWithheldUnderK(int k, string shown, int? visitors)
    {
        await using var host = await DashboardHost.StartAsync(isPublic: true, k: k);
        var now = host.Stats.Time.GetUtcNow().UtcDateTime;
        host.Stats.Visit(100, now.AddMinutes(-3)).Pageview("/");
        host.Stats.Visit(101, now.AddMinutes(-1)).Pageview("/blog/");
        host.Stats.Visit(102, now.AddMinutes(-7)).Pageview("/");
        await host.Stats.FlushAsync();

        using var json = System.Text.Json.JsonDocument.Parse(await host.Client.GetStringAsync(Stats + "/current-visitors"));
        Assert.Equal(shown, json.RootElement.GetProperty("text").GetString());
        var count = json.RootElement.GetProperty("visitors");
        Assert.Equal(visitors, count.ValueKind == System.Text.Json.JsonValueKind.Null ? null : count.GetInt32());
        var page = await PageAsync(host, Stats);
        Assert.Equal(shown, page.QuerySelector(".live-count")!.TextContent);
    }

    private static async Task<Dictionary<string, string[]>> ReadZip(Stream stream)
    {
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        using var zip = new ZipArchive(copy, ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        });
    }
}

/// <summary>Whatever the URL says, the dashboard answers with a page (and says what it left out), never a 500.</summary>
public sealed class HostileDashboardUrlTests
{
    [Theory]
    [InlineData("?period=day&date=9999-12-31")]
    [InlineData("?period=custom&from=0001-01-01&to=9999-12-31")]
    [InlineData("?period=custom&from=2026-03-01&to=2026-02-01")]
    [InlineData("?f=visit:source%3D%3D&f=%3D%3D&f=event:props:%3D%3Dx&panel=&prop=&more=nope")]
    [InlineData("?f=event:goal%3D%3DNoSuchGoal&compare=year_over_year&period=all")]
    [InlineData("?period=realtime&compare=previous_period")]
    public async Task OddUrlsGetAPage(string query)
    {
        await using var host = await DashboardHost.StartAsync(isPublic: true);

        var response = await host.Client.GetAsync("/stats/" + DashboardHost.Site + query);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("class=\"stats\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
