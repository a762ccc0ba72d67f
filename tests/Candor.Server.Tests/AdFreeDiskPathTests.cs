using System.Net;
using System.Net.Http.Headers;
using Candor.Privacy.Consent;
using Candor.Server.Snapshot;

namespace Candor.Server.Tests;

/// <summary>
/// Opted-out visitors never get the ad script, also when the snapshot does not answer: a page over its size cap,
/// a Range or If-Match request, the 404 page.
/// </summary>
public sealed class AdFreeDiskPathTests
{
    private const string Slot = "<!--candor:ad--><script async src=\"https://cdn.carbonads.com/carbon.js\" id=\"_carbonads_js\"></script><!--candor:ad-else <p>Ads are off.</p> candor:ad-end-->";

    private static SiteServerOptions Options(TestSite site) => new()
    {
        SiteRoot = site.Site,
        Consent = new ConsentOptions { AdScript = new Uri("https://cdn.carbonads.com/carbon.js") },
    };

    /// <summary>An HTML page bigger than the snapshot's cap, so only the disk path can serve it.</summary>
    private static string BigPage() =>
        "<!doctype html><p>start</p>" + Slot + string.Concat(Enumerable.Repeat("<p>filler text for a long page</p>\n", (int)(SiteSnapshot.MaxFileBytes / 30))) + "<p>end</p>";

    private static HttpRequestMessage Get(TestSite _, string path, string? header = null, string? value = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (header is not null) request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }

    [Theory]
    [InlineData("Sec-GPC", "1")]
    [InlineData("Cookie", AdsOptOutCookie.Name + "=1")]
    public async Task APageOverTheSnapshotCapIsServedWithoutAdsToOptedOutVisitors(string header, string value)
    {
        using var site = new TestSite();
        var page = BigPage();
        site.Write("big.html", page);
        await using var server = await RunningServer.Start(Options(site));
        using var client = server.Client();

        var full = await client.SendAsync(Get(site, "/big.html"));
        Assert.Contains("_carbonads_js", await full.Content.ReadAsStringAsync());
        Assert.Equal(["Accept-Encoding", "Cookie", "Sec-GPC"], full.Headers.Vary.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)));

        var free = await client.SendAsync(Get(site, "/big", header, value));
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
        var body = await free.Content.ReadAsStringAsync();
        Assert.DoesNotContain("carbonads", body);
        Assert.Equal(page.Replace(Slot, "<p>Ads are off.</p>"), body);
        Assert.Equal(["Accept-Encoding", "Cookie", "Sec-GPC"], free.Headers.Vary.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)));
        Assert.NotEqual(full.Headers.ETag, free.Headers.ETag);
        Assert.EndsWith("-alt\"", free.Headers.ETag!.Tag);
        Assert.StartsWith("text/html", free.Content.Headers.ContentType!.ToString());

        // Its own validator revalidates; the full page's does not earn a 304 for the page with ads.
        var again = Get(site, "/big.html", header, value);
        again.Headers.IfNoneMatch.Add(free.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        var other = Get(site, "/big.html", header, value);
        other.Headers.IfNoneMatch.Add(full.Headers.ETag!);
        var otherResponse = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
        Assert.DoesNotContain("carbonads", await otherResponse.Content.ReadAsStringAsync());

        // Compressed, too: whatever coding, no ad script.
        var compressed = Get(site, "/big.html", header, value);
        compressed.Headers.AcceptEncoding.ParseAdd("gzip");
        var gzipped = await client.SendAsync(compressed);
        Assert.Equal("gzip", Assert.Single(gzipped.Content.Headers.ContentEncoding));
        await using var unzip = new System.IO.Compression.GZipStream(await gzipped.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        Assert.DoesNotContain("carbonads", await new StreamReader(unzip).ReadToEndAsync());
    }

    [Theory]
    [InlineData("/ads.html")]
    [InlineData("/big.html")]
    public async Task ARangeRequestFromAnOptedOutVisitorGetsTheWholeStrippedPage(string path)
    {
        using var site = new TestSite();
        site.Write("ads.html", "<p>before</p>" + Slot + "<p>after</p>");
        site.Write("big.html", BigPage());
        await using var server = await RunningServer.Start(Options(site));
        using var client = server.Client();

        // The ad script sits in the first bytes: a range over them must not hand it out.
        var request = Get(site, path, "Sec-GPC", "1");
        request.Headers.Range = new RangeHeaderValue(0, 200);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentRange);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("carbonads", body);
        Assert.Contains("<p>Ads are off.</p>", body);
        Assert.Contains("Sec-GPC", response.Headers.Vary);

        // Without the opt-out a range is still a range.
        var ranged = Get(site, path);
        ranged.Headers.Range = new RangeHeaderValue(0, 9);
        var partial = await client.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(10, (await partial.Content.ReadAsByteArrayAsync()).Length);

        // If-Match also bypasses the snapshot: a stale tag is refused, never answered with the full page.
        var ifMatch = Get(site, path, "Sec-GPC", "1");
        ifMatch.Headers.IfMatch.Add(new EntityTagHeaderValue("\"nope\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(ifMatch)).StatusCode);
    }

    [Fact]
    public async Task TheNotFoundPageIsStrippedToo()
    {
        using var site = new TestSite();
        site.Write("404.html", "<p>lost</p>" + Slot);
        await using var server = await RunningServer.Start(Options(site));
        using var client = server.Client();
        var full = await client.SendAsync(Get(site, "/nowhere"));
        Assert.Contains("carbonads", await full.Content.ReadAsStringAsync());
        var free = await client.SendAsync(Get(site, "/nowhere", "Sec-GPC", "1"));
        Assert.Equal(HttpStatusCode.NotFound, free.StatusCode);
        Assert.Equal("<p>lost</p><p>Ads are off.</p>", await free.Content.ReadAsStringAsync());
    }
}
