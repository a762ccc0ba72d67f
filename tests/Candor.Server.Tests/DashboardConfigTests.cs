using Candor.Server.Configuration;
using Candor.Site;

namespace Candor.Server.Tests;

/// <summary><c>candor: analytics: public</c> and <c>k_threshold</c>, read from a real <c>_config.yml</c>.</summary>
public sealed class DashboardConfigTests
{
    private static SiteServerOptions Read(string yaml)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Root, "_config.yml"), yaml);
        var config = new SiteBuilder(new BuildOptions { Source = site.Root }).LoadConfig();
        return ServerConfigSection.Apply(new SiteServerOptions { SiteRoot = site.Site }, config.Values, "/srv/site");
    }

    [Fact]
    public void TheDashboardIsPrivateWithKFiveUnlessConfigured()
    {
        var options = Read("candor:\n  analytics:\n    sites: [example.org]\n");
        Assert.False(options.AnalyticsPublic);
        Assert.Equal(5, options.AnalyticsKThreshold);

        var configured = Read("candor:\n  analytics:\n    sites: [example.org]\n    public: true\n    k_threshold: 10\n");
        Assert.True(configured.AnalyticsPublic);
        Assert.Equal(10, configured.AnalyticsKThreshold);
    }

    [Theory]
    [InlineData("public: yes please", "public")]
    [InlineData("k_threshold: 0", "k_threshold")]
    [InlineData("k_threshold: many", "k_threshold")]
    public void AWrongSettingIsNamed(string line, string setting)
    {
        var error = Assert.Throws<ServerConfigException>(() => Read($"candor:\n  analytics:\n    sites: [example.org]\n    {line}\n"));
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }
}
