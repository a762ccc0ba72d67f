using Candor.Site.Liquid.Tags.Embeds;

namespace Candor.Site.Tests.Liquid.Embeds;

public sealed class EmbedTagTests
{
    private static Dictionary<string, object?> Globals(bool comments = false) => new()
    {
        ["page"] = new Dictionary<string, object?> { ["url"] = "/post/", ["comments"] = comments },
        ["site"] = new Dictionary<string, object?>
        {
            ["candor"] = new Dictionary<string, object?>
            {
                ["embeds"] = new Dictionary<string, object?> { ["comments"] = new Dictionary<string, object?> { ["forum"] = "https://forum.example.org/" } },
                ["ads"] = new Dictionary<string, object?> { ["script"] = "https://cdn.carbonads.com/carbon.js?serve=X" },
            },
        },
    };

    [Fact]
    public void VideoIsAButtonWithTheSitesOwnPreviewAndNoRequestToGoogle()
    {
        var host = LiquidFixture.Host();
        host.Links["assets/previews/dQw4w9WgXcQ.jpg"] = "/assets/previews/dQw4w9WgXcQ.jpg";
        var html = LiquidFixture.Render("{% youtube dQw4w9WgXcQ title=\"Intro <1>\" %}", host, Globals());
        Assert.Contains("<button type=\"button\"", html);
        Assert.Contains("src=\"/blog/assets/previews/dQw4w9WgXcQ.jpg\"", html);
        Assert.Contains("data-src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1\"", html);
        Assert.Contains("Intro &lt;1&gt;", html);
        Assert.Contains("https://policies.google.com/privacy", html);
        Assert.Contains("<script src=\"/blog/assets/js/candor-embeds.js\" defer></script>", html);
        Assert.DoesNotContain("ytimg", html);
        Assert.DoesNotContain("preconnect", html);
        Assert.DoesNotContain("<iframe", html);
    }

    [Fact]
    public void IncludeYoutubeWithoutASiteIncludeRendersTheBuiltInAndAMissingPreviewIsAPlaceholder()
    {
        var html = LiquidFixture.Render("{% include youtube.html vid=\"dQw4w9WgXcQ\" title=\"T\" %}", LiquidFixture.Host(), Globals());
        Assert.Contains("data-candor-embed=\"video\"", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(VideoPreview.PlaceholderDataUrl), html);
    }

    [Fact]
    public void ABadVideoIdIsAnError() =>
        Assert.Throws<SiteException>(() => LiquidFixture.Render("{% youtube \"><script> %}", LiquidFixture.Host(), Globals()));

    [Fact]
    public void CommentsOnlyWhenThePageAsksAndNothingFromTheForumUntilClicked()
    {
        Assert.Equal("", LiquidFixture.Render("{% comments %}", LiquidFixture.Host(), Globals()));
        var html = LiquidFixture.Render("{% comments %}", LiquidFixture.Host(), Globals(comments: true));
        Assert.Contains("Load comments from forum.example.org", html);
        Assert.Contains("data-src=\"https://forum.example.org/embed/comments?embed_url=https%3A%2F%2Fexample.com%2Fblog%2Fpost%2F\"", html);
        Assert.DoesNotContain("<iframe", html);
    }

    [Fact]
    public void AdSlotIsMarkedForTheServerWithPlainOptOutAndOptInLinks()
    {
        var html = LiquidFixture.Render("{% ad %}", LiquidFixture.Host(), Globals());
        Assert.StartsWith(Candor.Site.Liquid.Tags.Embeds.AdTag.Start, html);
        Assert.Contains("<script async src=\"https://cdn.carbonads.com/carbon.js?serve=X\" id=\"_carbonads_js\"></script>", html);
        Assert.Contains("href=\"/blog/privacy/opt-out/ads?return=%2Fblog%2Fpost%2F\"", html);
        Assert.Contains("href=\"/blog/privacy/opt-in/ads?return=%2Fblog%2Fpost%2F\"", html);
        Assert.EndsWith(Candor.Site.Liquid.Tags.Embeds.AdTag.End, html);
    }

    [Fact]
    public void AnalyticsOptOutSectionUsesTheSitesScript()
    {
        var html = LiquidFixture.Render("{% analytics_opt_out %}", LiquidFixture.Host(), Globals());
        Assert.Contains("data-candor-analytics-opt-out", html);
        Assert.Contains("/blog/assets/js/candor-embeds.js", html);
        Assert.Contains("plausible_ignore", Candor.Site.Generators.EmbedScript.Text);
    }
}
