namespace Candor.Site.Tests.Engine;

public sealed class BuildErrorTests
{
    [Fact]
    public void Reports_every_error_with_file_and_line_and_keeps_the_old_destination()
    {
        using var site = new TempSite();
        site.Write("index.md", "---\ntitle: Home\n---\nHello\n");
        new SiteBuilder(new BuildOptions { Source = site.Root }).Build();
        var before = site.Read("index.html");

        site.Write("broken-yaml.md", "---\ntitle: [unclosed\n---\ntext\n")
            .Write("no-layout.md", "---\nlayout: nowhere\n---\ntext\n")
            .Write("no-include.html", "---\n---\n<p>\n{% include missing.html %}\n</p>\n")
            .Write("bad-liquid.html", "---\n---\nline two\n{% if %}\n")
            .Write("_posts/2024-13-45-bad-date.md", "---\ndate: not a date\n---\ntext\n");

        var error = Assert.Throws<SiteBuildException>(() => new SiteBuilder(new BuildOptions { Source = site.Root }).Build());
        var files = error.Errors.Select(e => e.File).ToList();
        Assert.Contains("broken-yaml.md", files);
        Assert.Contains("no-layout.md", files);
        Assert.Contains("no-include.html", files);
        Assert.Contains("bad-liquid.html", files);
        Assert.Contains("_posts/2024-13-45-bad-date.md", files);
        Assert.Equal(2, error.Errors.Single(e => e.File == "broken-yaml.md").Line);
        Assert.Contains("nowhere", error.Errors.Single(e => e.File == "no-layout.md").Message);
        Assert.Equal(2, error.Errors.Single(e => e.File == "no-layout.md").Line);
        Assert.Equal(2, error.Errors.Single(e => e.File == "_posts/2024-13-45-bad-date.md").Line);
        Assert.DoesNotContain("Source:", error.Errors.Single(e => e.File == "bad-liquid.html").Message);
        Assert.Contains("missing.html", error.Errors.Single(e => e.File == "no-include.html").Message);
        Assert.Equal(4, error.Errors.Single(e => e.File == "no-include.html").Line);
        Assert.NotNull(error.Errors.Single(e => e.File == "bad-liquid.html").Line);
        Assert.Equal(before, site.Read("index.html"));
        Assert.False(File.Exists(Path.Combine(site.Output, "no-layout.html")));
    }

    [Fact]
    public void Refuses_a_destination_that_would_replace_the_sources()
    {
        using var site = new TempSite();
        site.Write("index.md", "---\n---\nHello\n");
        var error = Assert.Throws<SiteBuildException>(() => new SiteBuilder(new BuildOptions { Source = site.Root, Destination = site.Root }).Build());
        Assert.Contains("destination", error.Errors.Single().Message);
        Assert.True(File.Exists(Path.Combine(site.Root, "index.md")));
        Assert.Throws<SiteBuildException>(() => new SiteBuilder(new BuildOptions { Source = site.Root, Destination = Path.GetDirectoryName(site.Root) }).Build());
    }
}
