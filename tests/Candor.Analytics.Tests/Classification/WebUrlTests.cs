using System.Text;
using Candor.Analytics.Classification;

namespace Candor.Analytics.Tests.Classification;

/// <summary>
/// <see cref="WebUrl"/>'s fast path must give exactly what <see cref="Uri"/> gives for every URL it takes: checked on
/// generated URLs built from the pieces Uri rewrites (case, ports, user info, IP and international hosts, dot segments,
/// escapes, spaces, backslashes, odd schemes) mixed with plain ones.
/// </summary>
public class WebUrlTests
{
    private static readonly string[] Schemes = ["https://", "http://", "HTTPS://", "Http://", "ftp://", "file://", "data:", "https:/", "https:", " https://", "android-app://"];

    private static readonly string[] HostsPool =
    [
        "example.com", "www.example.com", "bench.example", "a.b.c.d.e", "x", "xn--bcher-kva.de", "b\u00fccher.de", "EXAMPLE.com",
        "Example.Com", "a-b.com", "-a.com", "a-.com", "a..com", ".a.com", "a.com.", "a_b.com", "1.2.3.4", "127.1", "0x7f.0.0.1",
        "01.02.03.04", "999.1.1.1", "a.123", "123.a", "[::1]", "[2001:db8::1]", "user@example.com", "user:pw@example.com",
        "example.com:8080", "example.com:80", "example.com:443", "example.com:", "example.com:99999", "", "%41.com",
        new string('a', 63) + ".com", new string('a', 64) + ".com", string.Join('.', Enumerable.Repeat(new string('b', 50), 6)),
        "localhost", "a.b-c.d", "ex ample.com", "example.com\\x",
    ];

    private static readonly string[] PathPieces =
    [
        "", "/", "/a", "/path-1", "/a/b/", "/.", "/..", "/./", "/../", "/a/./b", "/a/../b", "/...", "/.a", "/a.", "//", "/a//b",
        "/%2e", "/%2E%2E/", "/caf%C3%A9", "/%41", "/%zz", "/%", "/a b", "/a\\b", "/\u00e9", "/a\"b", "/<x>", "/a^b", "/a`b",
        "/{x}", "/a|b", "/!$&'()*+,;=:@", "/~user", "/a_b-c.d", "/A/B", "/\t", "/a%2fb",
    ];

    private static readonly string[] QueryPieces =
    [
        "", "?", "?a=1", "?utm_source=x&utm_medium=y", "?a=%20", "?a=%41", "?a=%zz", "?a=%", "?a b", "?a=1&&b", "?a=?b",
        "?a=/b", "?x=\u00e9", "?a=\"", "?a=<", "?a=#", "?a='b'", "?q=a+b", "?a=%2",
    ];

    private static readonly string[] FragmentPieces = ["", "#", "#a", "#/page", "#a b", "#a#b", "#%41", "#\u00e9", "#?x", "#a=1&b"];

    [Fact]
    public void The_fast_path_gives_what_Uri_gives_for_every_url_it_takes()
    {
        var random = new Random(20261129);
        int plain = 0, total = 0;
        for (var n = 0; n < 60_000; n++)
        {
            var text = n % 3 == 0 ? Noise(random) : Pick(random, Schemes, 2) + Pick(random, HostsPool, 5) + Pick(random, PathPieces, 5)
                + (random.Next(3) == 0 ? Pick(random, PathPieces, 5) : "") + Pick(random, QueryPieces, 4) + Pick(random, FragmentPieces, 4);
            total++;
            if (!WebUrl.TryParsePlain(text, out var fast)) continue;
            plain++;
            Assert.True(Uri.TryCreate(text, UriKind.Absolute, out var uri), $"the fast path took {text}, which Uri refuses");
            Assert.Equal(WebUrl.FromUri(uri), fast);
        }
        // The generator must reach both paths, or the equality above proves little.
        Assert.InRange(plain, total / 20, total / 2);
    }

    [Theory]
    [InlineData("https://bench.example/path-1")]
    [InlineData("https://www.google.com/")]
    [InlineData("http://news.ycombinator.com")]
    [InlineData("https://example.com/a/b.html?utm_source=x&utm_campaign=spring+sale#section-2")]
    [InlineData("https://docs.example.org/guide/~user/page_1?ref=producthunt")]
    public void Everyday_urls_take_the_fast_path(string text)
    {
        Assert.True(WebUrl.TryParsePlain(text, out var fast));
        Assert.Equal(WebUrl.FromUri(new Uri(text)), fast);
    }

    [Theory]
    [InlineData("https://Example.com/")]
    [InlineData("https://example.com:8080/")]
    [InlineData("https://user@example.com/")]
    [InlineData("https://127.0.0.1/")]
    [InlineData("https://[::1]/")]
    [InlineData("https://b\u00fccher.de/")]
    [InlineData("https://example.com/a/../b")]
    [InlineData("https://example.com/caf%C3%A9")]
    [InlineData("https://example.com/a b")]
    [InlineData(" https://example.com/")]
    [InlineData("https://example.com/?utm_campaign=a%20b")]
    [InlineData("file:///etc/passwd")]
    public void Urls_Uri_rewrites_go_to_Uri_and_parse_as_it_says(string text)
    {
        Assert.False(WebUrl.TryParsePlain(text, out _));
        Assert.True(WebUrl.TryParse(text, out var parsed));
        Assert.Equal(WebUrl.FromUri(new Uri(text)), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("https://")]
    [InlineData("https://example.com:99999/")]
    public void What_Uri_refuses_is_refused_and_what_it_takes_is_taken(string text)
    {
        Assert.Equal(Uri.TryCreate(text, UriKind.Absolute, out _), WebUrl.TryParse(text, out _));
    }

    /// <summary>Half the time one of the pool's first <paramref name="plain"/> (everyday) pieces, else any piece.</summary>
    private static string Pick(Random random, string[] pool, int plain) => pool[random.Next(random.Next(2) == 0 ? plain : pool.Length)];

    /// <summary>A URL-shaped string of random characters, biased towards the ones that matter to URL parsing.</summary>
    private static string Noise(Random random)
    {
        const string alphabet = "abcxyzABC019-._~/?#[]@!$&'()*+,;=%: \\\"<>^`{|}\t\u00e9\u00fc";
        var builder = new StringBuilder(random.Next(2) == 0 ? "https://" : "http://");
        var length = random.Next(1, 24);
        for (var i = 0; i < length; i++) builder.Append(alphabet[random.Next(alphabet.Length)]);
        return builder.ToString();
    }
}
