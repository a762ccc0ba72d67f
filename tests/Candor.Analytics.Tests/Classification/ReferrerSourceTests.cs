using Candor.Analytics.Classification;

namespace Candor.Analytics.Tests.Classification;

/// <summary>Plausible's source rules: tagged source first (utm_source, then source, then ref), else the external referrer's known name or host.</summary>
public sealed class ReferrerSourceTests
{
    private static TrafficSource Resolve(string? referrer, params (string Key, string Value)[] query) =>
        ReferrerSource.Resolve(query.Select(q => KeyValuePair.Create(q.Key, q.Value)).ToList(), referrer, "example.com", ClassificationData.Suffixes);

    [Fact]
    public void Utm_source_beats_source_beats_ref_beats_the_referrer()
    {
        Assert.Equal("newsletter", Resolve("https://www.google.com/", ("ref", "r"), ("source", "s"), ("utm_source", "newsletter")).Source);
        Assert.Equal("s", Resolve("https://www.google.com/", ("ref", "r"), ("source", "s")).Source);
        Assert.Equal("r", Resolve("https://www.google.com/", ("ref", "r")).Source);
        Assert.Equal("Google", Resolve("https://www.google.com/").Source);
    }

    [Fact]
    public void A_tagged_source_keeps_the_referrer_source_beside_it()
    {
        var source = Resolve("https://news.ycombinator.com/item?id=1", ("utm_source", "hn"));
        Assert.Equal(new TrafficSource("hn", "Hacker News", null), source);
    }

    [Fact]
    public void Blank_tags_are_ignored() => Assert.Equal("Bing", Resolve("https://www.bing.com/search?q=x", ("utm_source", " ")).Source);

    [Theory]
    [InlineData("https://www.google.com/", "Google")]
    [InlineData("https://www.google.co.uk/", "Google")]
    [InlineData("https://google.de/search", "Google")]
    [InlineData("https://www.bing.com/search?q=candor", "Bing")]
    [InlineData("https://duckduckgo.com/", "DuckDuckGo")]
    [InlineData("https://search.yahoo.com/", "Yahoo!")]
    [InlineData("https://www.ecosia.org/search?q=x", "Ecosia")]
    [InlineData("https://l.facebook.com/l.php?u=x", "Facebook")]
    [InlineData("https://t.co/abc", "Twitter")]
    [InlineData("https://x.com/someone/status/1", "Twitter")]
    [InlineData("https://old.reddit.com/r/selfhosted", "Reddit")]
    [InlineData("https://github.com/candor/candor", "GitHub")]
    [InlineData("https://www.youtube.com/watch?v=1", "YouTube")]
    [InlineData("https://www.linkedin.com/feed/", "LinkedIn")]
    [InlineData("https://news.ycombinator.com/item?id=1", "Hacker News")]
    [InlineData("https://fosstodon.org/@someone", "Mastodon")]
    [InlineData("https://blog.someone.net/post", "blog.someone.net")]
    [InlineData("https://www.someone.net/", "someone.net")]
    public void Known_referrers_get_their_name_and_others_their_host(string referrer, string source)
    {
        var resolved = Resolve(referrer);
        Assert.Equal(source, resolved.Source);
        Assert.Equal(source, resolved.ReferrerSourceName);
    }

    [Theory]
    [InlineData("https://example.com/other")]
    [InlineData("https://www.example.com/other")]
    [InlineData("http://localhost:4000/")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void Own_site_localhost_and_missing_referrers_are_no_source(string? referrer) =>
        Assert.Equal(TrafficSource.None, Resolve(referrer));

    [Fact]
    public void Only_the_name_of_a_click_id_is_kept() =>
        Assert.Equal("gclid", Resolve(null, ("gclid", "Cj0KCQ-secret"), ("fbclid", "x")).ClickIdParam);
}
