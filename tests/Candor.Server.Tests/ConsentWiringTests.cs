using System.Net;
using Candor.Privacy.Consent;

namespace Candor.Server.Tests;

/// <summary>Ads opt-out end to end over HTTP: two bodies per page with an ad slot, chosen per request, and the links.</summary>
public sealed class ConsentWiringTests
{
    private const string Page = "<p>before</p><!--candor:ad--><script async src=\"https://cdn.carbonads.com/carbon.js\" id=\"_carbonads_js\"></script><!--candor:ad-else <p>Ads are off.</p> candor:ad-end--><p>after</p>";

    private static SiteServerOptions Options(TestSite site) => new()
    {
        SiteRoot = site.Site,
        Consent = new ConsentOptions { AdScript = new Uri("https://cdn.carbonads.com/carbon.js"), Videos = true, Forum = new Uri("https://forum.example.org") },
    };

    [Fact]
    public async Task OptedOutVisitorsGetTheAdFreeBodyWithItsOwnETagAndVary()
    {
        using var site = new TestSite();
        site.Write("ads.html", Page);
        await using var server = await RunningServer.Start(Options(site));
        using var client = server.Client();

        var full = await client.GetAsync(new Uri(server.Base, "/ads.html"));
        var fullBody = await full.Content.ReadAsStringAsync();
        Assert.Contains("_carbonads_js", fullBody);
        Assert.Contains("Cookie", full.Headers.Vary);
        Assert.Contains("Sec-GPC", full.Headers.Vary);

        foreach (var (header, value) in new[] { ("Sec-GPC", "1"), ("Cookie", AdsOptOutCookie.Name + "=1") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Base, "/ads.html"));
            request.Headers.Add(header, value);
            var free = await client.SendAsync(request);
            var body = await free.Content.ReadAsStringAsync();
            Assert.DoesNotContain("carbonads", body);
            Assert.Equal("<p>before</p><p>Ads are off.</p><p>after</p>", body);
            Assert.NotEqual(full.Headers.ETag, free.Headers.ETag);
            // The full body's validator must not earn an opted-out visitor a 304 for the page with ads.
            using var revalidate = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Base, "/ads.html"));
            revalidate.Headers.Add(header, value);
            revalidate.Headers.IfNoneMatch.Add(full.Headers.ETag!);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(revalidate)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/privacy/opt-out/ads?return=/blog/", "/blog/")]
    [InlineData("/privacy/opt-out/ads?return=//evil.example/", "/")]
    [InlineData("/privacy/opt-out/ads?return=https://evil.example/", "/")]
    [InlineData("/privacy/opt-out/ads?return=/%5Cevil.example", "/")]
    public async Task OptOutSetsTheCookieAndRedirectsOnlyWithinTheSite(string path, string location)
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(Options(site));
        using var client = server.Client();
        var response = await client.GetAsync(new Uri(server.Base, path));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(AdsOptOutCookie.Name + "=1", cookie);
        Assert.Contains("max-age=63072000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var optIn = await client.GetAsync(new Uri(server.Base, "/privacy/opt-in/ads?return=/blog/"));
        Assert.Equal(HttpStatusCode.SeeOther, optIn.StatusCode);
        Assert.Contains("expires=Thu, 01 Jan 1970", Assert.Single(optIn.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CspWidensForExactlyTheEnabledProviders()
    {
        using var site = new TestSite();
        await using (var server = await RunningServer.Start(Options(site)))
        {
            var csp = (await server.Client().GetAsync(new Uri(server.Base, "/"))).Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-src 'self' https://www.youtube-nocookie.com https://forum.example.org;", csp);
            Assert.Contains("script-src 'self' https://cdn.carbonads.com;", csp);
        }
        await using (var plain = await RunningServer.Start(site))
        {
            var csp = (await plain.Client().GetAsync(new Uri(plain.Base, "/"))).Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-src 'self';", csp);
            Assert.Contains("script-src 'self';", csp);
            Assert.Equal(HttpStatusCode.NotFound, (await plain.Client().GetAsync(new Uri(plain.Base, "/privacy/opt-out/ads"))).StatusCode);
        }
    }
}
