using Candor.Site.Configuration;
using Candor.Site.Generators;

namespace Candor.Site.Tests.Engine;

/// <summary>The seam through which other parts add a page (the privacy policy): placement, layouts, clashes.</summary>
public sealed class GeneratedPageTests
{
    private sealed class Page(string permalink = "/policy/") : IGeneratedPage
    {
        public GeneratedPage? Generate(SiteConfig config) =>
            config.Values.ContainsKey("policy")
                ? new GeneratedPage("policy.md", permalink, "Hello *{{ page.title }}*") { Layouts = ["privacy", "page"], FrontMatter = new Dictionary<string, object?> { ["title"] = "Policy" } }
                : null;
    }

    private static string? Build(TempSite site, IGeneratedPage page)
    {
        new SiteBuilder(new BuildOptions { Source = site.Root }, generatedPages: [page]).Build();
        var path = Path.Combine(site.Root, "_site", "policy", "index.html");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    [Fact]
    public void Uses_the_first_layout_the_site_has_else_its_own()
    {
        using var site = new TempSite();
        site.Write("_config.yml", "policy: true\n").Write("_layouts/page.html", "PAGE[{{ content }}]");
        Assert.Equal("PAGE[<p>Hello <em>Policy</em></p>\n]", Build(site, new Page()));
        site.Write("_layouts/privacy.html", "PRIVACY[{{ content }}]");
        Assert.Equal("PRIVACY[<p>Hello <em>Policy</em></p>\n]", Build(site, new Page()));

        using var bare = new TempSite();
        bare.Write("_config.yml", "policy: true\n");
        Assert.Contains("<title>Policy</title>", Build(bare, new Page()));
    }

    [Fact]
    public void Nothing_when_not_configured_and_an_error_on_a_clash()
    {
        using var site = new TempSite();
        site.Write("_config.yml", "title: x\n");
        Assert.Null(Build(site, new Page()));
        site.Write("_config.yml", "policy: true\n").Write("policy.html", "---\npermalink: /policy/\n---\nmine");
        var error = Assert.Throws<SiteBuildException>(() => Build(site, new Page()));
        Assert.Contains("policy.html and the generated policy.md are both at /policy/", error.Message);
    }
}
