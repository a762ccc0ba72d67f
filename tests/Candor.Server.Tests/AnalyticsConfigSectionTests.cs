using Candor.Server.Configuration;
using Candor.Site;

namespace Candor.Server.Tests;

/// <summary>The <c>candor: analytics:</c> section, read from a real <c>_config.yml</c> so values have YAML's types.</summary>
public sealed class AnalyticsConfigSectionTests
{
    private static SiteServerOptions Read(string yaml)
    {
        using var site = new TestSite();
        File.WriteAllText(Path.Combine(site.Root, "_config.yml"), yaml);
        var config = new SiteBuilder(new BuildOptions { Source = site.Root }).LoadConfig();
        return ServerConfigSection.Apply(new SiteServerOptions { SiteRoot = site.Site }, config.Values, "/srv/site");
    }

    private static string Error(string yaml) => Assert.Throws<ServerConfigException>(() => Read(yaml)).Message;

    [Fact]
    public void Reads_sites_retention_and_goals()
    {
        var options = Read("""
            candor:
              analytics:
                sites: [Example.org]
                retention_months: 13
                goals: [Signup, 404, "/docs/*", " File Download "]
            """);
        Assert.Equal(["example.org"], options.AnalyticsSites);
        Assert.Equal(13, options.AnalyticsRetentionMonths);
        Assert.Equal(["Signup", "404", "Visit /docs/*", "File Download"], options.AnalyticsGoals.Select(g => g.DisplayName));
        Assert.Equal("/docs/*", options.AnalyticsGoals[2].PagePath);
        Assert.Null(options.AnalyticsGoals[1].PagePath);
        Assert.Equal("/srv/site/.candor", options.DataFolder);
    }

    [Fact]
    public void Without_a_retention_setting_events_are_kept()
    {
        var options = Read("candor:\n  analytics:\n    sites: [example.org]\n");
        Assert.Null(options.AnalyticsRetentionMonths);
        Assert.Empty(options.AnalyticsGoals);
    }

    [Fact]
    public void The_dashboard_is_private_with_k_five_unless_configured()
    {
        var options = Read("candor:\n  analytics:\n    sites: [example.org]\n");
        Assert.False(options.AnalyticsPublic);
        Assert.Equal(5, options.AnalyticsKThreshold);

        var configured = Read("candor:\n  analytics:\n    sites: [example.org]\n    public: true\n    k_threshold: 10\n");
        Assert.True(configured.AnalyticsPublic);
        Assert.Equal(10, configured.AnalyticsKThreshold);
    }

    [Theory]
    [InlineData("retention_months: 0", "retention_months: expected a whole number of months from 1 to 120, got '0'")]
    [InlineData("retention_months: six", "retention_months: expected a whole number of months from 1 to 120, got 'six'")]
    [InlineData("goals: Signup", "goals: expected a list of event names and page paths, got 'Signup'")]
    [InlineData("goals: [\"\"]", "goals: expected an event name or a page path, got ''")]
    [InlineData("goals: [{a: 1}]", "goals: expected an event name or a page path")]
    [InlineData("goal: [x]", "goal: unknown setting")]
    [InlineData("public: yes please", "public: expected true or false, got 'yes please'")]
    [InlineData("k_threshold: 0", "k_threshold: expected a whole number from 1 to 1000, got '0'")]
    [InlineData("k_threshold: many", "k_threshold: expected a whole number from 1 to 1000, got 'many'")]
    public void Bad_settings_name_the_setting(string line, string expected)
    {
        var message = Error($"candor:\n  analytics:\n    sites: [example.org]\n    {line}\n");
        Assert.Contains(expected, message);
        Assert.Contains("analytics", message);
    }
}
