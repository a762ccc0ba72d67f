using Candor.Analytics.Identity;

namespace Candor.Analytics.Tests.Classification;

public sealed class PublicSuffixListTests
{
    [Theory]
    [InlineData("app.example.com", "example.com")]
    [InlineData("example.com", "example.com")]
    [InlineData("shop.example.co.uk", "example.co.uk")]
    [InlineData("a.b.example.com.au", "example.com.au")]
    [InlineData("alice.github.io", "alice.github.io")]
    [InlineData("docs.alice.github.io", "alice.github.io")]
    [InlineData("a.b.c.ck", "b.c.ck")]          // wildcard *.ck
    [InlineData("a.www.ck", "www.ck")]          // exception !www.ck
    [InlineData("APP.Example.COM", "example.com")]
    [InlineData("co.uk", "co.uk")]              // a bare suffix is its own root
    public void Registrable_domain_follows_the_list(string host, string root) =>
        Assert.Equal(root, ClassificationData.Suffixes.RegistrableDomain(host));

    [Theory]
    [InlineData("localhost", "localhost")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("shop.example.co.uk", "example.co.uk")]
    public void RootDomain_uses_the_list_and_leaves_single_labels_and_ips_alone(string host, string root)
    {
        RootDomain.Use(ClassificationData.Suffixes);
        Assert.Equal(root, RootDomain.Of(host));
    }
}
