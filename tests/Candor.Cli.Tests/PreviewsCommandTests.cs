using Candor.Site.Tests.Previews;
using static Candor.Site.Tests.Previews.FakeImageServer;

namespace Candor.Cli.Tests;

/// <summary><c>candor previews fetch</c> as a process, on a temporary site whose configuration points at a local image server.</summary>
public sealed class PreviewsCommandTests
{
    [Fact]
    public async Task FetchesWhatIsMissingReportsEachIdAndFailsIfAnyFailed()
    {
        await using var server = await FakeImageServer.Start();
        using var site = new TempSite()
            .Write("_config.yml", $"candor:\n  embeds:\n    youtube:\n      preview_url: \"{server.Template}\"\n")
            .Write("index.md", $"---\n---\n{{% youtube {JpegId} %}}\n\n{{% include youtube.html vid=\"{MissingId}\" %}}\n")
            .Write("about.html", $"---\n---\n{{% youtube {HtmlId} %}}\n")
            .Write($"assets/previews/{LyingId}.jpg", "kept")
            .Write("kept.html", $"---\n---\n{{% youtube {LyingId} %}}\n");

        var (code, stdout, stderr) = await CandorProcess.RunAsync("previews", "fetch", site.Source);

        Assert.Equal(1, code);
        Assert.Contains($"{JpegId}: fetched", stdout);
        Assert.Contains($"{LyingId}: already there", stdout);
        Assert.Contains($"{MissingId}: failed: HTTP 404", stderr);
        Assert.Contains($"{HtmlId}: failed: ", stderr);
        Assert.Contains("4 video(s): 1 fetched, 1 already there, 2 failed", stdout);
        Assert.Equal(Jpeg, File.ReadAllBytes(site.At($"assets/previews/{JpegId}.jpg")));
        Assert.False(File.Exists(site.At($"assets/previews/{HtmlId}.jpg")));
        Assert.False(Directory.Exists(site.At("_site")), "previews fetch renders in memory and writes no site");

        // Once everything it can get is there, a second run fetches nothing and, with nothing failing, exits 0.
        site.Write("index.md", $"---\n---\n{{% youtube {JpegId} %}}\n").Write("about.html", "---\n---\nno video\n");
        var (again, output, _) = await CandorProcess.RunAsync("previews", "fetch", site.Source);
        Assert.Equal(0, again);
        Assert.Contains("2 video(s): 0 fetched, 2 already there, 0 failed", output);
    }
}
