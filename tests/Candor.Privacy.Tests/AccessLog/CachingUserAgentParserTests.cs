using Candor.Privacy.AccessLog;

namespace Candor.Privacy.Tests.AccessLog;

public class CachingUserAgentParserTests
{
    const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    [Fact]
    public void A_repeated_user_agent_is_parsed_once_with_the_same_result()
    {
        var inner = new CountingParser();
        var parser = new CachingUserAgentParser(inner);
        var first = parser.Parse(Firefox);
        Assert.Equal(new MinimalUserAgentParser().Parse(Firefox), first);
        Assert.Same(first, parser.Parse(Firefox));
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public void The_cache_never_grows_past_its_capacity()
    {
        var inner = new CountingParser();
        var parser = new CachingUserAgentParser(inner, capacity: 3);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("Firefox", parser.Parse($"Mozilla/5.0 Firefox/{i}.0").Browser);
            Assert.InRange(parser.Count, 1, 3);
        }
        Assert.Equal(10, inner.Calls);
        // Still answers correctly after being cleared.
        Assert.Equal("9.0", parser.Parse("Mozilla/5.0 Firefox/9.0").BrowserVersion);
    }

    sealed class CountingParser : IUserAgentParser
    {
        readonly MinimalUserAgentParser inner = new();
        public int Calls { get; private set; }

        public UserAgentInfo Parse(string userAgent)
        {
            Calls++;
            return inner.Parse(userAgent);
        }
    }
}
