using System.Text.RegularExpressions;
using Candor.Site.Markdown;

namespace Candor.Site.Tests.Markdown;

/// <summary>
/// The facts a real privacy-policy page depends on: heading ids, address lines joined by
/// <c>&lt;br /&gt;</c> inside one paragraph, links carrying IAL attributes, and the closing
/// <c>&lt;center&gt;</c> line left as block HTML without a <c>&lt;p&gt;</c>.
/// </summary>
public partial class PrivacyPolicyGoldenTests
{
    private const string LastUpdated = "<center><em>This document was last updated on October 20, 2022.</em></center>";
    private static readonly KramdownConverter Converter = new();

    [GeneratedRegex(@"\A---\r?\n.*?\r?\n---\r?\n", RegexOptions.Singleline)]
    private static partial Regex FrontMatter();

    [Fact]
    public void Golden_fixture_matches_kramdown()
    {
        var html = Converter.Convert(File.ReadAllText(RepositoryPaths.Fixture("golden-policy.md")));
        HtmlCompare.AssertSame(File.ReadAllText(RepositoryPaths.Fixture("golden-policy.html")), html);

        Assert.Contains("<h2 id=\"1-what-this-notice-covers\">", html);
        Assert.Contains("<h3 id=\"hosting-on-docsexampleorg\">", html);
        Assert.Contains("<h3 id=\"general-1\">", html);
        Assert.Contains("<p>Jane Müller<br />\nHauptstraße 12<br />\n12345 Musterstadt<br />\nGermany</p>", html);
        Assert.Contains("<a href=\"https://hosting.example.com/terms\" target=\"_blank\" rel=\"noopener\">", html);
        AssertCenterLineNotWrapped(html);
    }

    [Fact]
    public void Seed_privacy_policy_keeps_the_same_facts()
    {
        var seed = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "seed", "privacy-policy.md"));
        if (!File.Exists(seed))
            return;
        var body = FrontMatter().Replace(File.ReadAllText(seed), "", 1);
        // Liquid runs before Markdown in Jekyll; this is what {{ page.lastupdate | date: "%B %-d, %Y" }} renders to.
        body = body.Replace("{{ page.lastupdate | date: \"%B %-d, %Y\" }}", "October 20, 2022");

        var html = Converter.Convert(body);

        Assert.Contains("<h2 id=\"1-an-overview-of-data-protection\">1. An overview of data protection</h2>", html);
        Assert.Contains("<h3 id=\"github-integration-on-pluginsoctoprintorg\">", html);
        Assert.Matches(@"<p>Gina Häußge<br />\s*Goethestraße 5<br />\s*63179 Obertshausen<br />\s*Germany</p>", html);
        Assert.Contains(
            "<a href=\"https://carbonads.net/privacy.php\" target=\"_blank\" rel=\"noopener\">https://carbonads.net/privacy.php</a>",
            html);
        Assert.DoesNotContain("{:target", html);
        AssertCenterLineNotWrapped(html);
    }

    private static void AssertCenterLineNotWrapped(string html)
    {
        Assert.Contains(LastUpdated, html);
        Assert.DoesNotContain("<p>" + LastUpdated, html);
        Assert.DoesNotContain(LastUpdated + "</p>", html);
    }
}
