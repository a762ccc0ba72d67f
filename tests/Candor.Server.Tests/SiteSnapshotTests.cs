using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Candor.Privacy.AccessLog;

namespace Candor.Server.Tests;

/// <summary>Files served from memory: fresh after a rebuild, precompressed copies with the right validators.</summary>
public sealed class SiteSnapshotTests
{
    [Fact]
    public async Task APageRewrittenInPlaceIsServedFreshOnTheNextRequest()
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(site);
        using var http = server.Client();
        Assert.Contains("About page", await http.GetStringAsync("/about"));
        var first = (await http.GetAsync("/about")).Headers.ETag;

        // What serve does after an edit: the same file, new content (here even the same length).
        site.Write("about.html", "<!doctype html><title>About</title><p>Fresh page</p>");
        File.SetLastWriteTimeUtc(Path.Combine(site.Site, "about.html"), DateTime.UtcNow.AddSeconds(5));
        using var response = await http.GetAsync("/about");
        Assert.Contains("Fresh page", await response.Content.ReadAsStringAsync());
        Assert.NotEqual(first, response.Headers.ETag);

        File.Delete(Path.Combine(site.Site, "about.html"));
        using var gone = await http.GetAsync("/about");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task ANewFileThatChangesWhatAPathMeansIsPickedUp()
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(site);
        using var http = server.Client();
        Assert.Contains("About page", await http.GetStringAsync("/about"));

        // A file called "about" now wins over about.html; only the folder watcher can tell.
        site.Write("about", "plain about");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string seen;
        do
        {
            seen = await http.GetStringAsync("/about");
            if (seen == "plain about") break;
            await Task.Delay(20);
        } while (DateTime.UtcNow < deadline);
        Assert.Equal("plain about", seen);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("identity", null)]
    [InlineData("br;q=0, gzip;q=0", null)]
    public async Task ServesThePrecompressedCopyTheClientPrefers(string acceptEncoding, string? expected)
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(site);
        using var http = server.Client();
        var css = await File.ReadAllTextAsync(Path.Combine(site.Site, "style.css"));
        var identityTag = (await http.GetAsync("/style.css")).Headers.ETag!;
        Assert.False(identityTag.IsWeak);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/style.css");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        if (expected is null)
        {
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.Equal(identityTag, response.Headers.ETag);
            return;
        }
        Assert.Equal([expected], response.Content.Headers.ContentEncoding);
        // Same validator, weak: the bytes differ from the file's, the representation does not.
        Assert.Equal(new EntityTagHeaderValue(identityTag.Tag, isWeak: true), response.Headers.ETag);
        using Stream decoder = expected == "br" ? new BrotliStream(new MemoryStream(body), CompressionMode.Decompress) : new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        Assert.Equal(css, await new StreamReader(decoder).ReadToEndAsync());

        foreach (var tag in new[] { response.Headers.ETag!, identityTag })
        {
            using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/style.css");
            revalidate.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            revalidate.Headers.IfNoneMatch.Add(tag);
            using var notModified = await http.SendAsync(revalidate);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        }

        using var head = new HttpRequestMessage(HttpMethod.Head, "/style.css");
        head.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var headResponse = await http.SendAsync(head);
        Assert.Equal(body.Length, headResponse.Content.Headers.ContentLength);
        Assert.Empty(await headResponse.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task IfModifiedSinceAndOtherTagsAreAnsweredLikeTheDiskPath()
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(site);
        using var http = server.Client();
        using var first = await http.GetAsync("/");
        var modified = first.Content.Headers.LastModified!.Value;

        using var older = new HttpRequestMessage(HttpMethod.Get, "/");
        older.Headers.IfModifiedSince = modified.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(older)).StatusCode);

        using var other = new HttpRequestMessage(HttpMethod.Get, "/");
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        other.Headers.IfModifiedSince = modified; // ignored: If-None-Match decides
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(other)).StatusCode);

        using var any = new HttpRequestMessage(HttpMethod.Get, "/");
        any.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(any)).StatusCode);
    }

    [Fact]
    public async Task TheBytesFieldCountsABodyServedFromMemory()
    {
        using var site = new TestSite();
        var logs = Path.Combine(site.Root, "logs");
        var length = new FileInfo(Path.Combine(site.Site, "index.html")).Length;
        await using (var server = await RunningServer.Start(new SiteServerOptions
        {
            SiteRoot = site.Site,
            AccessLog = new AccessLogOptions { Folder = logs, Fields = AccessLogFields.Path | AccessLogFields.Bytes },
        }))
        {
            using var http = server.Client();
            Assert.Contains("Welcome home", await http.GetStringAsync("/"));
        }
        var line = File.ReadAllLines(Directory.GetFiles(logs, "access-*.log").Single()).Single(l => !l.StartsWith('#'));
        Assert.Equal($"/\t{length}", line);
    }
}
