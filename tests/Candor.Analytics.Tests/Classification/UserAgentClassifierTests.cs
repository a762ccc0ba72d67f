using Candor.Analytics.Classification;

namespace Candor.Analytics.Tests.Classification;

/// <summary>Real user agents → what Plausible's Devices panel shows (browser and OS names folded, major.minor versions, screen size).</summary>
public sealed class UserAgentClassifierTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Chrome", "120.0", "Windows", "10", "Desktop")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
        "Safari", "17.1", "iOS", "17.1", "Mobile")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
        "Chrome", "120.0", "Android", "14", "Mobile")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
        "Safari", "16.6", "iOS", "16.6", "Tablet")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:121.0) Gecko/20100101 Firefox/121.0",
        "Firefox", "121.0", "Mac", "10.15", "Desktop")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
        "Firefox", "121.0", "GNU/Linux", null, "Desktop")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
        "Microsoft Edge", "120.0", "Windows", "10", "Desktop")]
    [InlineData("Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Chrome", "120.0", "Android", "13", "Tablet")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1",
        "Chrome", "120.0", "iOS", "17.1", "Mobile")]
    [InlineData("Mozilla/5.0 (Android 14; Mobile; rv:121.0) Gecko/121.0 Firefox/121.0",
        "Firefox", "121.0", "Android", "14", "Mobile")]
    public void Parses_and_folds_names_like_plausible(string ua, string browser, string browserVersion, string os, string? osVersion, string device)
    {
        var info = ClassificationData.UserAgents.Classify(ua);
        Assert.Equal(new UserAgentInfo(browser, browserVersion, os, osVersion, device), info);
    }

    [Fact]
    public void An_unknown_user_agent_has_no_names_and_counts_as_desktop()
    {
        Assert.Equal(new UserAgentInfo(null, null, null, null, DeviceTypes.Desktop), ClassificationData.UserAgents.Classify("zzz"));
    }

    [Fact]
    public void Results_are_cached_and_the_cache_is_bounded()
    {
        var classifier = UserAgentClassifier.Load(ClassificationData.Sets.UserAgentRegexes, cacheSize: 8);
        var first = classifier.Classify("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0");
        Assert.Same(first, classifier.Classify("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"));
        for (var i = 0; i < 100; i++) classifier.Classify("Agent/" + i);
        Assert.InRange(classifier.CachedCount, 1, 8);
    }

    [Fact]
    public void Every_rule_of_the_pinned_regexes_compiles()
    {
        // Load throws if any pattern is not valid .NET regex syntax; this pins that for the current uap-core.
        Assert.NotNull(UserAgentClassifier.Load(ClassificationData.Sets.UserAgentRegexes));
    }
}
