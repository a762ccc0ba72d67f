using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Candor.Server.Static;

namespace Candor.Server.Tests;

public sealed class StaticServingTests
{
    [Fact]
    public async Task FollowsGitHubPagesUrlRules()
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(site);
        using var http = server.Client();

        Assert.Contains("Welcome home", await http.GetStringAsync("/"));
        Assert.Contains("About page", await http.GetStringAsync("/about"));
        Assert.Contains("About page", await http.GetStringAsync("/about.html"));
        Assert.Contains("Blog index", await http.GetStringAsync("/blog/"));

        using var folder = await http.GetAsync("/blog?page=2");
        Assert.Equal(HttpStatusCode.MovedPermanently, folder.StatusCode);
        Assert.Equal("/blog/?page=2", folder.Headers.Location?.OriginalString);

        // A folder without index.html is not listed.
        using var empty = await http.GetAsync("/empty/");
        Assert.Equal(HttpStatusCode.NotFound, empty.StatusCode);
    }

    [Fact]
    public async Task MissingPagesGetTheSites404PageWithStatus404()
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(site);
        using var http = server.Client();

        foreach (var path in new[] { "/missing", "/missing/", "/missing.css", "/blog/nope", "/.git/config" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains(TestSite.NotFoundText, await response.Content.ReadAsStringAsync());
            Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        }
    }

    [Theory]
    [InlineData("/", "text/html; charset=utf-8")]
    [InlineData("/style.css", "text/css; charset=utf-8")]
    [InlineData("/app.js", "text/javascript; charset=utf-8")]
    [InlineData("/logo.svg", "image/svg+xml")]
    [InlineData("/data.json", "application/json; charset=utf-8")]
    [InlineData("/feed.xml", "application/xml; charset=utf-8")]
    [InlineData("/font.woff2", "font/woff2")]
    [InlineData("/thing.unknownext", "application/octet-stream")]
    public async Task ServesCorrectContentTypes(string path, string type)
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(site);
        using var http = server.Client();
        using var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task AnswersConditionalRequestsWith304()
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(site);
        using var http = server.Client();

        using var first = await http.GetAsync("/about.html");
        var etag = first.Headers.ETag;
        var modified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.NotNull(modified);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, "/about.html");
        byTag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await http.SendAsync(byTag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/about.html");
        byDate.Headers.IfModifiedSince = modified;
        using var notModifiedSince = await http.SendAsync(byDate);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);

        site.Write("about.html", "<p>changed, and longer than before</p>");
        File.SetLastWriteTimeUtc(Path.Combine(site.Site, "about.html"), DateTime.UtcNow.AddMinutes(1));
        using var again = new HttpRequestMessage(HttpMethod.Get, "/about.html");
        again.Headers.IfNoneMatch.Add(etag);
        using var changed = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task ServesRangesUncompressed()
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(site);
        using var http = server.Client();
        var css = await File.ReadAllTextAsync(Path.Combine(site.Site, "style.css"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/style.css");
        request.Headers.Range = new RangeHeaderValue(10, 29);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 10-29/{css.Length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(css.Substring(10, 20), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task CompressesTextButNotRangesOrImages(string encoding)
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(site);
        using var http = server.Client();
        var css = await File.ReadAllTextAsync(Path.Combine(site.Site, "style.css"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/style.css");
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await http.SendAsync(request);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < css.Length / 4, $"{compressed.Length} bytes for {css.Length}");
        using Stream decoder = encoding == "br" ? new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress) : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        Assert.Equal(css, await new StreamReader(decoder).ReadToEndAsync());

        // The compressed body is not the file's bytes, so its ETag is weak; it still revalidates.
        Assert.True(response.Headers.ETag?.IsWeak, $"ETag {response.Headers.ETag}");
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/style.css");
        revalidate.Headers.AcceptEncoding.ParseAdd(encoding);
        revalidate.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await http.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var font = new HttpRequestMessage(HttpMethod.Get, "/font.woff2");
        font.Headers.AcceptEncoding.ParseAdd(encoding);
        using var fontResponse = await http.SendAsync(font);
        Assert.Empty(fontResponse.Content.Headers.ContentEncoding);
        Assert.False(fontResponse.Headers.ETag?.IsWeak);
    }

    [Theory]
    [InlineData("/", CachePolicy.Revalidate)]
    [InlineData("/about", CachePolicy.Revalidate)]
    [InlineData("/app.0123abcd.js", CachePolicy.Immutable)]
    [InlineData("/app.js", CachePolicy.Short)]
    [InlineData("/style.css", CachePolicy.Short)]
    [InlineData("/missing", "no-cache")]
    public async Task CachesOnlyFingerprintedAssetsForLong(string path, string cacheControl)
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(site);
        using var http = server.Client();
        using var response = await http.GetAsync(path);
        Assert.Equal(cacheControl, response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("main.0123abcd.css", true)]
    [InlineData("main.0123456789abcdef0123.js", true)]
    [InlineData("main.0123abc.css", false)] // seven digits
    [InlineData("main.zzzzzzzz.css", false)]
    [InlineData("0123abcd.css", false)]
    [InlineData("page.0123abcd.html", false)] // HTML is always revalidated
    public void RecognisesFingerprintedNames(string name, bool immutable) =>
        Assert.Equal(immutable, CachePolicy.For(name) == CachePolicy.Immutable);
}
