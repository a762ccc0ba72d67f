using Candor.Site.Liquid.Tags.Seo;
using Candor.Site.Tests.Engine;

namespace Candor.Site.Tests.Plugins;

/// <summary>Focused checks of the jekyll-feed, jekyll-seo-tag and Sass support beyond the differential fixtures.</summary>
public sealed class PluginTests
{
    [Fact]
    public void Sass_syntax_error_names_the_page_and_its_line()
    {
        using var site = new TempSite();
        site.Write("css/style.scss", "---\n---\n.a { color: red; }\n.b { color: }\n");
        var error = Assert.Throws<SiteBuildException>(() => new SiteBuilder(new BuildOptions { Source = site.Root }).Build());
        var only = Assert.Single(error.Errors);
        Assert.Equal("css/style.scss", only.File);
        Assert.Equal(4, only.Line);
        Assert.StartsWith("Sass error: ", only.Message);
    }

    [Fact]
    public void Sass_error_in_an_import_names_the_imported_file()
    {
        using var site = new TempSite();
        site.Write("_sass/_broken.scss", "a {\n  b: $missing;\n}\n");
        site.Write("style.scss", "---\n---\n@import \"broken\";\n");
        var error = Assert.Throws<SiteBuildException>(() => new SiteBuilder(new BuildOptions { Source = site.Root }).Build());
        var only = Assert.Single(error.Errors);
        Assert.Equal("_sass/_broken.scss", only.File);
        Assert.Equal(2, only.Line);
        Assert.Contains("style.scss", only.Message);
    }

    [Fact]
    public void Sass_style_from_config()
    {
        using var site = new TempSite();
        site.Write("_config.yml", "sass:\n  style: :compressed\n  sourcemap: never\n");
        site.Write("style.scss", "---\n---\n.a { .b { color: red; } }\n");
        new SiteBuilder(new BuildOptions { Source = site.Root }).Build();
        Assert.Equal(".a .b{color:red}\n", site.Read("style.css"));
    }

    [Fact]
    public void Feed_is_only_generated_when_the_plugin_is_listed_and_a_source_file_wins()
    {
        using var site = new TempSite();
        site.Write("_posts/2024-01-01-a.md", "---\ntitle: A\n---\nx\n");
        new SiteBuilder(new BuildOptions { Source = site.Root }).Build();
        Assert.False(File.Exists(Path.Combine(site.Output, "feed.xml")));

        site.Write("_config.yml", "plugins: [jekyll-feed]\nfeed:\n  path: atom.xml\n");
        new SiteBuilder(new BuildOptions { Source = site.Root }).Build();
        Assert.Contains("<title type=\"html\">A</title>", site.Read("atom.xml"));

        site.Write("atom.xml", "mine\n");
        new SiteBuilder(new BuildOptions { Source = site.Root }).Build();
        Assert.Equal("mine\n", site.Read("atom.xml"));
    }

    [Theory]
    [InlineData("a &amp; b", "a &amp; b")]
    [InlineData("\"x\" & 'y' <z>", "&quot;x&quot; &amp; &#39;y&#39; &lt;z&gt;")]
    [InlineData("&#39; &copy;", "&#39; &copy;")]
    public void Seo_escape_once_keeps_entities(string input, string expected) =>
        Assert.Equal(expected, SeoText.EscapeOnce(input));
}
