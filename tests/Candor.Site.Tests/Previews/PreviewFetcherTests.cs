using Candor.Site.Previews;
using Candor.Site.Tests.Engine;
using static Candor.Site.Tests.Previews.FakeImageServer;

namespace Candor.Site.Tests.Previews;

/// <summary><c>candor previews fetch</c>'s logic against a local image server: what is saved, what is refused, and why.</summary>
public sealed class PreviewFetcherTests
{
    private static async Task<IReadOnlyList<PreviewResult>> Fetch(FakeImageServer server, string source, params string[] ids)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await new PreviewFetcher(http, new PreviewUrlTemplate(server.Template)).FetchMissingAsync(source, ids);
    }

    [Fact]
    public async Task SavesJpegsAndRefusesEverythingElseWithAReason()
    {
        await using var server = await FakeImageServer.Start();
        using var site = new TempSite();
        var results = await Fetch(server, site.Root, JpegId, MissingId, HtmlId, LyingId);

        Assert.Equal([PreviewStatus.Fetched, PreviewStatus.Failed, PreviewStatus.Failed, PreviewStatus.Failed], results.Select(r => r.Status));
        Assert.Equal($"{JpegId}: fetched", results[0].ToString());
        Assert.StartsWith($"{MissingId}: failed: HTTP 404", results[1].ToString());
        Assert.Contains("text/html", results[2].Reason);
        Assert.Contains("not a JPEG", results[3].Reason);
        Assert.Equal(Jpeg, File.ReadAllBytes(Path.Combine(site.Root, "assets/previews", JpegId + ".jpg")));
        // Only the good one was written, and no temporary file was left behind.
        Assert.Equal([JpegId + ".jpg"], Directory.GetFiles(Path.Combine(site.Root, "assets/previews")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task SkipsPreviewsThatAreAlreadyThere()
    {
        await using var server = await FakeImageServer.Start();
        using var site = new TempSite();
        site.Write($"assets/previews/{JpegId}.jpg", "mine");
        var result = Assert.Single(await Fetch(server, site.Root, JpegId));
        Assert.Equal(PreviewStatus.AlreadyThere, result.Status);
        Assert.Empty(server.Requests);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(site.Root, "assets/previews", JpegId + ".jpg")));
    }

    [Fact]
    public async Task AnIdIsValidatedBeforeItBecomesPartOfAUrl()
    {
        await using var server = await FakeImageServer.Start();
        using var site = new TempSite();
        var result = Assert.Single(await Fetch(server, site.Root, "../../x?y=1"));
        Assert.Equal(PreviewStatus.Failed, result.Status);
        Assert.Empty(server.Requests);
        Assert.Throws<ArgumentException>(() => new PreviewUrlTemplate(server.Template).For("bad/id"));
        Assert.Throws<SiteException>(() => new PreviewUrlTemplate("https://example.org/no-placeholder.jpg"));
        Assert.Throws<SiteException>(() => new PreviewUrlTemplate("file:///etc/{id}"));
    }

    [Fact]
    public void TheBuildKnowsWhichVideosTheSiteShows()
    {
        using var site = new TempSite()
            .Write("_config.yml", "candor:\n  embeds:\n    youtube:\n      preview_url: \"http://127.0.0.1:9/vi/{id}/x.jpg\"\n")
            .Write("index.md", "---\n---\n{% youtube aaaaaaaaaaa title=\"One\" %}\n")
            .Write("_posts/2020-01-01-post.md", "---\n---\n{% include youtube.html vid=\"bbbbbbbbbbb\" %}\n");
        var builder = new SiteBuilder(new BuildOptions { Source = site.Root });
        Assert.Equal(["aaaaaaaaaaa", "bbbbbbbbbbb"], builder.Render().VideoIds);
        Assert.Equal("http://127.0.0.1:9/vi/ccccccccccc/x.jpg", PreviewUrlTemplate.From(builder.LoadConfig().Values).For("ccccccccccc").ToString());
        Assert.Equal("https://i.ytimg.com/vi/ccccccccccc/hqdefault.jpg", PreviewUrlTemplate.From(new Dictionary<string, object?>()).For("ccccccccccc").ToString());
    }
}
