using Candor.Analytics.Classification;

namespace Candor.Analytics.Tests.Classification;

public sealed class ReferrerSpamListTests
{
    [Fact]
    public void The_embedded_list_loads() => Assert.True(ReferrerSpamList.Default.Count > 10);

    [Theory]
    [InlineData("semalt.com", true)]
    [InlineData("www.semalt.com", true)]
    [InlineData("SEMALT.com", true)]
    [InlineData("blog.semalt.com", false)]   // exact host match only, as Plausible does
    [InlineData("notsemalt.com", false)]
    [InlineData("example.com", false)]
    public void Matches_the_www_stripped_host_exactly(string host, bool spam) => Assert.Equal(spam, ReferrerSpamList.Default.Contains(host));

    [Fact]
    public void Comments_and_blank_lines_are_ignored()
    {
        var list = ReferrerSpamList.Parse("# spam\n\n www.spam.example \n");
        Assert.Equal(1, list.Count);
        Assert.True(list.Contains("spam.example"));
    }
}
