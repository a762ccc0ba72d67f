using Candor.Site.Serving;

namespace Candor.Site.Tests.Engine;

public sealed class ServeSessionTests
{
    [Fact]
    public void A_body_edit_rewrites_that_page_first_and_a_refresh_updates_pages_listing_it()
    {
        using var site = new TempSite();
        site.Write("_layouts/default.html", "<main>{{ content }}</main>")
            .Write("index.html", "---\nlayout: default\n---\n{% for p in site.posts %}<li>{{ p.excerpt }}</li>{% endfor %}")
            .Write("_posts/2024-01-02-hello.md", "---\nlayout: default\n---\nFirst words.\n");
        var session = new SiteSession(new BuildOptions { Source = site.Root });
        session.BuildAll();
        Assert.Contains("First words.", site.Read("2024/01/02/hello.html"));

        site.Write("_posts/2024-01-02-hello.md", "---\nlayout: default\n---\nSecond words.\n");
        Assert.NotNull(session.TryRebuildDocument("_posts/2024-01-02-hello.md"));
        Assert.Contains("Second words.", site.Read("2024/01/02/hello.html"));

        var (written, _, _) = session.Refresh();
        Assert.True(written >= 1);
        Assert.Contains("Second words.", site.Read("index.html"));
    }

    [Fact]
    public void A_front_matter_edit_needs_a_full_refresh_and_deleted_pages_disappear()
    {
        using var site = new TempSite();
        site.Write("a.md", "---\ntitle: A\n---\nA\n").Write("b.md", "---\ntitle: B\n---\nB\n");
        var session = new SiteSession(new BuildOptions { Source = site.Root });
        session.BuildAll();
        site.Write("a.md", "---\ntitle: Changed\npermalink: /moved/\n---\nA\n");
        Assert.Null(session.TryRebuildDocument("a.md"));
        File.Delete(Path.Combine(site.Root, "b.md"));
        var (_, removed, _) = session.Refresh();
        Assert.Equal(2, removed); // a.html moved to /moved/, b.html deleted
        Assert.True(File.Exists(Path.Combine(site.Output, "moved", "index.html")));
        Assert.False(File.Exists(Path.Combine(site.Output, "b.html")));
    }
}
