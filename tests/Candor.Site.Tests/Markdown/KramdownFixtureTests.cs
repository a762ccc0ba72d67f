using Candor.Site.Markdown;

namespace Candor.Site.Tests.Markdown;

/// <summary>
/// Each Fixtures/NAME.md converted by us must equal Fixtures/NAME.html, which real Jekyll 4.3 /
/// kramdown produced (see Fixtures/generate-expected.sh).
/// </summary>
public class KramdownFixtureTests
{
    private static readonly KramdownConverter Converter = new();

    private static void AssertFixture(string name)
    {
        var markdown = File.ReadAllText(RepositoryPaths.Fixture(name + ".md"));
        var expected = File.ReadAllText(RepositoryPaths.Fixture(name + ".html"));
        HtmlCompare.AssertSame(expected, Converter.Convert(markdown));
    }

    [Fact] public void Headings() => AssertFixture("headings");
    [Fact] public void Typography() => AssertFixture("typography");
    [Fact] public void Footnotes() => AssertFixture("footnotes");
    [Fact] public void FootnotesReferencedRepeatedlyAndEndingInCode() => AssertFixture("footnotes-repeated");
    [Fact] public void Attributes() => AssertFixture("attributes");
    [Fact] public void Code() => AssertFixture("code");
    [Fact] public void Html() => AssertFixture("html");
    [Fact] public void Blocks() => AssertFixture("blocks");
    [Fact] public void Tables() => AssertFixture("tables");
    [Fact] public void ListsWithTaskItemsAndItemIals() => AssertFixture("lists");
    [Fact] public void Autolinks() => AssertFixture("autolinks");
    [Fact] public void Toc() => AssertFixture("toc");
    [Fact] public void TocOrderedWithNoTocAndDeepLevels() => AssertFixture("toc-ordered");
    [Fact] public void TocAttributesLinksFootnotesAndSecondPlaceholder() => AssertFixture("toc-features");

    /// <summary>Fixtures/toc-ordered-levels-2-3.html was produced with <c>kramdown: toc_levels: 2..3</c> in _config.yml.</summary>
    [Fact]
    public void TocHonoursTocLevels()
    {
        var converter = new KramdownConverter(new MarkdownSettings { TocLevels = [2, 3] });
        var markdown = File.ReadAllText(RepositoryPaths.Fixture("toc-ordered.md"));
        HtmlCompare.AssertSame(File.ReadAllText(RepositoryPaths.Fixture("toc-ordered-levels-2-3.html")), converter.Convert(markdown));
    }
}
