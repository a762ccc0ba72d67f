using System.Net;
using AngleSharp.Html.Parser;
using Candor.Analytics.Dashboard.Sharing;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Analytics.Tests.Dashboard;

/// <summary>Share links on a dashboard that is not public: the link opens it (k-anonymised), with or without a password.</summary>
public sealed class ShareLinkEndpointTests
{
    private static ShareLink Create(DashboardHost host, string? password) =>
        host.Services.GetRequiredService<ShareLinkStore>().Create(DashboardHost.Site, password);

    private static Task<HttpResponseMessage> PostPassword(DashboardHost host, ShareLink link, string password) =>
        host.Client.PostAsync(link.Path, new FormUrlEncodedContent([new("password", password)]));

    [Fact]
    public async Task ALinkWithoutPasswordOpensTheAnonymisedDashboardAndKeepsItsSlugInEveryLink()
    {
        await using var host = await DashboardHost.StartAsync(isPublic: false);
        var link = Create(host, null);

        var response = await host.Client.GetAsync(link.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("22", page.QuerySelector(".stat[data-metric=visitors] .value")!.TextContent);
        Assert.Contains("(other)", page.QuerySelector("#panel-locations")!.TextContent, StringComparison.Ordinal);
        var periodLinks = page.QuerySelectorAll(".picker a[data-period]");
        Assert.NotEmpty(periodLinks);
        Assert.All(periodLinks, a => Assert.StartsWith($"/share/{DashboardHost.Site}?auth={link.Slug}", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Equal($"/share/{DashboardHost.Site}/export?auth={link.Slug}", page.QuerySelector("a.export")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"/share/{DashboardHost.Site}/export?auth={link.Slug}")).StatusCode);
        // The public address of the same site stays a 404: sharing one link does not publish the dashboard.
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/stats/" + DashboardHost.Site)).StatusCode);
    }

    [Theory]
    [InlineData("?auth=AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("")]
    [InlineData("?auth=")]
    public async Task AWrongOrMissingSlugIsA404(string query)
    {
        await using var host = await DashboardHost.StartAsync(isPublic: false);
        var link = Create(host, null);

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/share/{DashboardHost.Site}{query}")).StatusCode);
        // The right slug for another site is no key either.
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/share/private.example?auth={link.Slug}")).StatusCode);
    }

    [Fact]
    public async Task ThePasswordFormUnlocksTheLinkWithAnHttpOnlyCookieScopedToTheSite()
    {
        await using var host = await DashboardHost.StartAsync(isPublic: false);
        var link = Create(host, "open sesame");

        var form = await host.Client.GetAsync(link.Path);
        var formPage = new HtmlParser().ParseDocument(await form.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("post", formPage.QuerySelector("form")!.GetAttribute("method"));
        Assert.Null(formPage.QuerySelector(".stats"));
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.GetAsync($"/share/{DashboardHost.Site}/export?auth={link.Slug}")).StatusCode);

        var wrong = await PostPassword(host, link, "open says me");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));

        var right = await PostPassword(host, link, "open sesame");
        Assert.Equal(HttpStatusCode.SeeOther, right.StatusCode);
        Assert.Equal(link.Path, right.Headers.Location?.OriginalString);
        var cookie = right.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith($"{ShareCookie.Name(DashboardHost.Site)}=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"path=/share/{DashboardHost.Site}", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=86400", cookie, StringComparison.OrdinalIgnoreCase);

        var pair = cookie.Split(';')[0];
        var unlocked = await Get(host, link.Path, pair);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.Contains("class=\"stats\"", await unlocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A forged or altered cookie unlocks nothing.
        var forged = await Get(host, link.Path, pair[..^2] + (pair[^2] == 'A' ? "B" : "A") + pair[^1]);
        Assert.DoesNotContain("class=\"stats\"", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Nor does it open another link of the same site.
        var other = Create(host, "another one");
        Assert.DoesNotContain("class=\"stats\"", await (await Get(host, other.Path, pair)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveTriesAMinuteThenA429WithRetryAfterEvenForTheRightPassword()
    {
        await using var host = await DashboardHost.StartAsync(isPublic: false);
        var link = Create(host, "correct");

        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Forbidden, (await PostPassword(host, link, "guess" + i)).StatusCode);
        var blocked = await PostPassword(host, link, "correct");

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        var retry = blocked.Headers.RetryAfter?.Delta;
        Assert.NotNull(retry);
        Assert.InRange(retry.Value.TotalSeconds, 1, 60);
        Assert.False(blocked.Headers.Contains("Set-Cookie"));

        host.Stats.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.SeeOther, (await PostPassword(host, link, "correct")).StatusCode);
    }

    private static Task<HttpResponseMessage> Get(DashboardHost host, string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return host.Client.SendAsync(request);
    }
}

/// <summary>The owner: a Stats API key for the site sees exact figures, even on a private dashboard.</summary>
public sealed class OwnerViewTests
{
    [Fact]
    public async Task AnApiKeyForTheSiteSeesExactFiguresAndAnyOtherKeyIsNobody()
    {
        await using var host = await DashboardHost.StartAsync(isPublic: false);
        var keys = host.Services.GetRequiredService<Candor.Analytics.Api.Keys.ApiKeyStore>();
        var (_, owner) = keys.Create(DashboardHost.Site, DateTime.UtcNow);
        var (_, stranger) = keys.Create("private.example", DateTime.UtcNow);

        async Task<HttpResponseMessage> Get(string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/stats/{DashboardHost.Site}?panel=sources:sources");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            return await host.Client.SendAsync(request);
        }

        var exact = await Get(owner);
        Assert.Equal(HttpStatusCode.OK, exact.StatusCode);
        Assert.True(exact.Headers.CacheControl is { NoStore: true, Private: true });
        var page = new HtmlParser().ParseDocument(await exact.Content.ReadAsStringAsync());
        Assert.Contains(page.QuerySelectorAll("#panel-sources .label"), l => l.TextContent == "rare.example");
        Assert.DoesNotContain("(other)", page.QuerySelector("#panel-sources")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Get(stranger)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Get(owner + "x")).StatusCode);
    }
}
