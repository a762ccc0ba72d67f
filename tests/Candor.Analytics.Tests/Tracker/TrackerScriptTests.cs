using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Candor.Analytics.Tests.Endpoint;
using Candor.Analytics.Tracker;

namespace Candor.Analytics.Tests.Tracker;

public sealed class TrackerScriptTests
{
    [Theory]
    [InlineData("script.js", "")]
    [InlineData("script.outbound-links.file-downloads.hash.tagged-events.js", "file-downloads.hash.outbound-links.tagged-events")]
    [InlineData("script.tagged-events.hash.file-downloads.outbound-links.js", "file-downloads.hash.outbound-links.tagged-events")]
    [InlineData("script.manual.pageview-props.local.exclusions.compat.revenue.js", "compat.exclusions.local.manual.pageview-props.revenue")]
    public void VariantNamesInAnyOrderShareAKey(string file, string key) => Assert.Equal(key, TrackerVariant.Parse(file)!.Key);

    [Theory]
    [InlineData("app.js")]
    [InlineData("script.min.js")]
    [InlineData("script.hash.hash.js")]
    [InlineData("script..js")]
    [InlineData("scripts.js")]
    [InlineData("script.js.map")]
    public void OtherNamesAreNotTrackers(string file) => Assert.Null(TrackerVariant.Parse(file));

    [Fact]
    public void TheDefaultVariantIsAtMostOneAndAHalfKilobytesGzipped()
    {
        var bytes = Encoding.UTF8.GetBytes(TrackerScripts.Source(TrackerVariant.Default));
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        Assert.True(compressed.Length <= 1536, $"script.js is {compressed.Length} bytes gzipped");
    }

    [Fact]
    public void EveryExtensionCombinationIsValidJavaScript()
    {
        // Each extension alone and all together: node parses them (syntax only, nothing runs).
        var names = TrackerVariant.Extensions.Select(e => $"script.{e}.js").Append("script.js")
            .Append("script." + string.Join('.', TrackerVariant.Extensions) + ".js");
        using var folder = new Candor.Analytics.Tests.Store.TempFolder();
        foreach (var name in names)
        {
            var file = folder.File(name);
            File.WriteAllText(file, TrackerScripts.Source(TrackerVariant.Parse(name)!));
            using var node = Process.Start(new ProcessStartInfo("node", ["--check", file]) { RedirectStandardError = true })!;
            var error = node.StandardError.ReadToEnd();
            node.WaitForExit();
            Assert.True(node.ExitCode == 0, name + ": " + error);
        }
    }

    [Fact]
    public async Task TheScriptIsServedWithAShortCacheAndAnETag()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var response = await host.Client.GetAsync("/js/script.hash.outbound-links.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=600", response.Headers.CacheControl!.ToString());
        Assert.Contains("hashchange", await response.Content.ReadAsStringAsync());

        var again = new HttpRequestMessage(HttpMethod.Get, "/js/script.outbound-links.hash.js");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await host.Client.SendAsync(again)).StatusCode);
        // Not a tracker name: left to whatever serves the site's own files (here nothing, so 404).
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/js/app.js")).StatusCode);
    }
}
