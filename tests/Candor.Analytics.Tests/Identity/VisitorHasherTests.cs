using Candor.Analytics.Identity;

namespace Candor.Analytics.Tests.Identity;

public class VisitorHasherTests
{
    private static readonly byte[] Salt = [.. Enumerable.Range(100, 16).Select(i => (byte)i)];
    private const string Ua = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";

    [Fact]
    public void Same_visitor_same_site_same_day_is_the_same_id() =>
        Assert.Equal(VisitorHasher.Hash(Salt, Ua, "203.0.113.7", "example.com", "example.com"), VisitorHasher.Hash(Salt, Ua, "203.0.113.7", "example.com", "example.com"));

    [Fact]
    public void Another_salt_ip_agent_or_site_gives_another_id()
    {
        var id = VisitorHasher.Hash(Salt, Ua, "203.0.113.7", "example.com", "example.com");
        var otherSalt = (byte[])Salt.Clone();
        otherSalt[0] ^= 1;
        Assert.NotEqual(id, VisitorHasher.Hash(otherSalt, Ua, "203.0.113.7", "example.com", "example.com"));
        Assert.NotEqual(id, VisitorHasher.Hash(Salt, Ua, "203.0.113.8", "example.com", "example.com"));
        Assert.NotEqual(id, VisitorHasher.Hash(Salt, Ua + " ", "203.0.113.7", "example.com", "example.com"));
        Assert.NotEqual(id, VisitorHasher.Hash(Salt, Ua, "203.0.113.7", "other.org", "other.org"));
    }

    [Fact]
    public void Parts_are_separated_so_shifting_bytes_between_them_changes_the_id() =>
        Assert.NotEqual(VisitorHasher.Hash(Salt, "ab", "c", "d", "d"), VisitorHasher.Hash(Salt, "a", "bc", "d", "d"));

    [Fact]
    public void Subdomains_of_a_site_share_a_root_domain()
    {
        Assert.Equal("example.com", RootDomain.Of("app.example.com"));
        Assert.Equal("example.com", RootDomain.Of("example.com"));
        Assert.Equal("localhost", RootDomain.Of("localhost"));
    }
}
