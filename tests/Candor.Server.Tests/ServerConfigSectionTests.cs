using Candor.Server.Configuration;
using Candor.Site;

namespace Candor.Server.Tests;

/// <summary>The <c>candor: server:</c> section, read from a real <c>_config.yml</c> so values have YAML's types.</summary>
public sealed class ServerConfigSectionTests
{
    private static SiteServerOptions Read(string yaml)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Root, "_config.yml"), yaml);
        var config = new SiteBuilder(new BuildOptions { Source = site.Root }).LoadConfig();
        return ServerConfigSection.Apply(new SiteServerOptions { SiteRoot = site.Site }, config.Values, "/srv/site");
    }

    [Fact]
    public void ReadsEverySetting()
    {
        var options = Read("""
            title: x
            candor:
              server:
                https_port: 8443
                tls_cert: tls/site.pem
                tls_key: /etc/ssl/site.key
                hsts_max_age: 600
                trusted_proxies: [127.0.0.1, 10.0.0.0/8]
            """);
        Assert.Equal(8443, options.HttpsPort);
        Assert.Equal("/srv/site/tls/site.pem", options.TlsCertificate);
        Assert.Equal("/etc/ssl/site.key", options.TlsKey);
        Assert.Equal(TimeSpan.FromSeconds(600), options.HstsMaxAge);
        Assert.Equal(["127.0.0.1", "10.0.0.0/8"], options.TrustedProxies);
        Assert.False(options.SelfSigned);
        Assert.True(Read("candor:\n  server:\n    self_signed: true\n").SelfSigned);
        Assert.False(options.TlsProxy);
        Assert.True(Read("candor:\n  server:\n    trusted_proxies: [127.0.0.1]\n    tls_proxy: true\n").TlsProxy);
    }

    [Fact]
    public void A_tls_proxy_must_be_a_trusted_proxy()
    {
        var options = Read("candor:\n  server:\n    tls_proxy: true\n");
        var error = Assert.Throws<ServerConfigException>(options.Validate);
        Assert.Contains("tls_proxy", error.Message);
        Assert.Contains("trusted_proxies", error.Message);
    }

    [Fact]
    public void WithoutTheSectionTheDefaultsStand()
    {
        var options = Read("title: x\n");
        Assert.Null(options.HttpsPort);
        Assert.Equal(TimeSpan.FromDays(365), options.HstsMaxAge);
        Assert.Empty(options.TrustedProxies);
    }

    [Theory]
    [InlineData("candor:\n  server:\n    https_prot: 443\n", "https_prot")]
    [InlineData("candor:\n  server:\n    https_port: lots\n", "https_port")]
    [InlineData("candor:\n  server:\n    self_signed: maybe\n", "self_signed")]
    [InlineData("candor:\n  server:\n    trusted_proxies: [[1]]\n", "trusted_proxies")]
    [InlineData("candor:\n  server:\n    hsts_max_age: -1\n", "hsts_max_age")]
    public void NamesTheSettingThatIsWrong(string yaml, string setting)
    {
        var error = Assert.Throws<ServerConfigException>(() => Read(yaml).Validate());
        Assert.Equal(setting, error.Setting);
        Assert.StartsWith($"candor.server.{setting}:", error.Message);
    }
}
