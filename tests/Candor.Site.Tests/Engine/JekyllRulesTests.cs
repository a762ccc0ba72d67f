using Candor.Site.Documents;
using Candor.Site.Yaml;

namespace Candor.Site.Tests.Engine;

public sealed class JekyllRulesTests
{
    [Theory]
    [InlineData("Hello World", "default", false, "hello-world")]
    [InlineData("Hello World", "pretty", true, "Hello-World")]
    [InlineData("--Über uns!--", "default", false, "über-uns")]
    [InlineData("The _config.yml file", "pretty", false, "the-_config.yml-file")]
    [InlineData("Hello World", "raw", false, "hello-world")]
    [InlineData("Café crème", "ascii", false, "caf-cr-me")]
    [InlineData("Café crème", "latin", false, "cafe-creme")]
    public void Slugify_follows_Jekyll(string text, string mode, bool cased, string expected) =>
        Assert.Equal(expected, Slug.Make(text, mode, cased));

    [Theory]
    [InlineData("/:categories/:year/:title:output_ext", "/2024/hello.html")]
    [InlineData("/blog/:title_/", "/blog/hello_/")]
    [InlineData("/:year//../:title/", "/2024/hello/")]
    public void Permalinks_expand_and_sanitise(string template, string expected)
    {
        var placeholders = new Dictionary<string, string?> { ["categories"] = "", ["year"] = "2024", ["title"] = "hello", ["output_ext"] = ".html" };
        Assert.Equal(expected, Permalink.Expand(template, placeholders));
    }

    [Fact]
    public void Unknown_permalink_placeholders_are_named()
    {
        var e = Assert.Throws<ArgumentException>(() => Permalink.Expand("/:nope/", new Dictionary<string, string?>()));
        Assert.Contains(":nope", e.Message);
    }

    [Fact]
    public void Yaml_scalars_resolve_like_Psych()
    {
        var data = YamlData.ParseMapping("a: yes\nb: 012\nc: 1.5\nd: '7'\ne: 2022-10-20 00:00:00 +0000\nf: ~\ng: 1_000\n", "x.yml", TimeZoneInfo.Utc);
        Assert.Equal(true, data["a"]);
        Assert.Equal(10L, data["b"]); // YAML 1.1 octal, as Psych reads it
        Assert.Equal(1.5, data["c"]);
        Assert.Equal("7", data["d"]);
        Assert.Equal(new DateTimeOffset(2022, 10, 20, 0, 0, 0, TimeSpan.Zero), data["e"]);
        Assert.Null(data["f"]);
        Assert.Equal(1000L, data["g"]);
    }

    [Fact]
    public void Broken_yaml_names_file_and_line()
    {
        var e = Assert.Throws<SiteException>(() => YamlData.ParseMapping("a: 1\nb: [2\nc: 3\n", "_config.yml", TimeZoneInfo.Utc, lineOffset: 0));
        Assert.Equal("_config.yml", e.File);
        Assert.NotNull(e.Line);
    }
}
