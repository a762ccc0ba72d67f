using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Candor.Site.Tests.Markdown;

namespace Candor.Site.Tests.Engine;

/// <summary>
/// The golden test of the Site issue, through the whole pipeline (front matter → Liquid → kramdown →
/// layout): a privacy policy page like the seed, rendered with a minimal <c>page</c> layout.
/// </summary>
public sealed class PrivacyPageBuildTests
{
    private const string PageLayout = "<!DOCTYPE html>\n<html><head><title>{{ page.title }}</title></head>\n<body><main>{{ content }}</main></body></html>\n";

    [Fact]
    public void The_repository_fixture_builds_like_Jekyll_would()
    {
        var body = File.ReadAllText(RepositoryPaths.Fixture("golden-policy.md"))
            .Replace("October 20, 2022", "{{ page.lastupdate | date: \"%B %-d, %Y\" }}", StringComparison.Ordinal);
        var page = "---\nlayout: page\ntitle: Privacy Policy\nlastupdate: 2022-10-20 00:00:00 +0000\n---\n\n" + body;
        var html = Build(page);

        Assert.NotNull(html.GetElementById("1-what-this-notice-covers"));
        AssertAddressInOneParagraph(html, "Jane Müller");
        AssertClosingLine(html);
        var external = html.QuerySelectorAll("a[target=_blank]");
        Assert.True(external.Length >= 2);
        Assert.All(external, a => Assert.Equal("noopener", a.GetAttribute("rel")));
    }

    [Fact]
    public void The_seed_policy_builds_with_its_ids_address_links_and_closing_line()
    {
        var seed = Path.Combine(RepositoryPaths.Root, "..", "shared", "seed", "privacy-policy.md");
        if (!File.Exists(seed)) return; // the seed lives beside the checkout, not in it
        var html = Build(File.ReadAllText(seed));

        Assert.NotNull(html.GetElementById("1-an-overview-of-data-protection"));
        Assert.NotNull(html.GetElementById("github-integration-on-pluginsoctoprintorg"));
        AssertAddressInOneParagraph(html, "Gina Häußge");
        AssertClosingLine(html);
        var external = html.QuerySelectorAll("a[target=_blank]");
        Assert.Equal(4, external.Length);
        Assert.All(external, a => Assert.Equal("noopener", a.GetAttribute("rel")));
    }

    private static IDocument Build(string page)
    {
        using var site = new TempSite();
        site.Write("_layouts/page.html", PageLayout).Write("privacy.md", page);
        new SiteBuilder(new BuildOptions { Source = site.Root }).Build();
        var text = site.Read("privacy.html");
        // kramdown re-serialises void elements; the raw text must keep them XHTML-style.
        Assert.Contains("<br />", text, StringComparison.Ordinal);
        Assert.Contains("<center><em>This document was last updated on October 20, 2022.</em></center>", text, StringComparison.Ordinal);
        return new HtmlParser().ParseDocument(text);
    }

    private static void AssertAddressInOneParagraph(IDocument html, string name)
    {
        var paragraph = html.QuerySelectorAll("p").Single(p => p.TextContent.StartsWith(name, StringComparison.Ordinal));
        Assert.True(paragraph.QuerySelectorAll("br").Length >= 3, paragraph.OuterHtml);
    }

    private static void AssertClosingLine(IDocument html)
    {
        var center = html.QuerySelector("center")!;
        Assert.Equal("This document was last updated on October 20, 2022.", center.TextContent);
        Assert.NotEqual("P", center.ParentElement!.TagName);
    }
}
