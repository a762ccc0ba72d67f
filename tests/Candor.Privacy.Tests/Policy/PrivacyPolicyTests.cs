using Candor.Privacy.AccessLog;
using Candor.Privacy.Cookies;
using Candor.Privacy.Policy;

namespace Candor.Privacy.Tests.Policy;

public sealed class PrivacyPolicyTests
{
    private static Dictionary<string, object?> Config(string privacyExtra = "", Dictionary<string, object?>? candor = null)
    {
        var controller = new Dictionary<string, object?>
        {
            ["name"] = "Jane {{ site.title }} Doe",
            ["address"] = new List<object?> { "Main Street 1", "12345 Town" },
            ["email"] = "privacy@example.org",
        };
        var privacy = new Dictionary<string, object?> { ["last_update"] = "2026-05-01", ["controller"] = controller };
        if (privacyExtra == "no-email") controller.Remove("email");
        var config = new Dictionary<string, object?> { ["privacy"] = privacy };
        if (candor is not null) config["candor"] = candor;
        return config;
    }

    private static PrivacyPolicyOptions Options(PrivacyConfig config, int retentionDays = 30, IReadOnlyList<CookieDeclaration>? cookies = null) => new()
    {
        Controller = config.Controller,
        LastUpdated = config.LastUpdated,
        AccessLog = AccessLogPolicy.For(new AccessLogOptions { Folder = "logs", RetentionDays = retentionDays }),
        Analytics = config.Analytics,
        Ads = config.Ads,
        Videos = config.Videos,
        Comments = config.Comments,
        Cookies = cookies ?? [],
    };

    [Fact]
    public void Encryption_is_claimed_only_when_the_server_enforces_it()
    {
        var config = PrivacyConfig.Read(Config())!;
        var encrypted = PrivacyPolicy.Render(Options(config) with { Encrypted = true });
        Assert.Contains("Pages are delivered over an encrypted connection (TLS", encrypted);
        Assert.DoesNotContain("without encryption", encrypted);
        var plain = PrivacyPolicy.Render(Options(config) with { Encrypted = false });
        Assert.Contains("This server delivers pages without encryption (plain `http://`)", plain);
        Assert.DoesNotContain("encrypted connection", plain);
    }

    [Fact]
    public void Numbers_come_from_the_configuration()
    {
        var config = PrivacyConfig.Read(Config(candor: new() { ["analytics"] = new Dictionary<string, object?> { ["retention_months"] = 13L, ["k_threshold"] = 7L } }))!;
        var text = PrivacyPolicy.Render(Options(config, retentionDays: 14));
        Assert.Contains("deleted after 14 days", text);
        Assert.DoesNotContain("30 days", text);
        Assert.Contains("kept for 13 months", text);
        Assert.Contains("fewer than 7 visitors", text);
        Assert.Contains("last updated on May 1, 2026.", text);
    }

    [Fact]
    public void Sections_appear_only_for_enabled_features()
    {
        var all = PrivacyConfig.Read(Config(candor: new()
        {
            ["ads"] = new Dictionary<string, object?> { ["provider"] = "carbon", ["script"] = "owned by the ads feature" },
            ["embeds"] = new Dictionary<string, object?>
            {
                ["youtube"] = new Dictionary<string, object?> { ["preview_url"] = "owned by the embeds feature" },
                ["comments"] = new Dictionary<string, object?> { ["forum"] = "https://community.example.org" },
            },
        }))!;
        var adsCookie = new CookieDeclaration("candor-ads-optout", "remembers that you opted out of ads", TimeSpan.FromDays(730), "necessary to honour your choice");
        var full = PrivacyPolicy.Render(Options(all, cookies: [adsCookie]));
        Assert.Contains("### Advertising by Carbon Ads", full);
        Assert.Contains("| `candor-ads-optout` | remembers that you opted out of ads | 2 years |", full);
        Assert.Contains("### Videos from YouTube", full);
        Assert.Contains("https://community.example.org", full);
        Assert.DoesNotContain("Visitor statistics", full); // analytics not configured

        var none = PrivacyPolicy.Render(Options(PrivacyConfig.Read(Config())!));
        Assert.DoesNotContain("Advertising", none);
        Assert.DoesNotContain("candor-ads-optout", none);
        Assert.DoesNotContain("YouTube", none);
        Assert.Contains("This website sets no cookies.", none);
        Assert.Contains("We pass personal data to nobody.", none);
    }

    [Fact]
    public void The_overview_does_not_claim_no_outside_requests_when_ads_load_on_every_page()
    {
        var ads = PrivacyPolicy.Render(Options(PrivacyConfig.Read(Config(candor: new() { ["ads"] = new Dictionary<string, object?> { ["provider"] = "carbon" } }))!));
        Assert.Contains("Apart from the advertisement described below, which you can switch off, pages of this website load nothing from other servers on their own.", ads);
        var videos = PrivacyPolicy.Render(Options(PrivacyConfig.Read(Config(candor: new() { ["embeds"] = new Dictionary<string, object?> { ["youtube"] = true } }))!));
        Assert.Contains("Pages of this website load nothing from other servers on their own.", videos);
        Assert.DoesNotContain("advertisement", videos);
    }

    [Fact]
    public void Configured_text_cannot_become_markup_or_liquid()
    {
        var text = PrivacyPolicy.Render(Options(PrivacyConfig.Read(Config())!));
        Assert.Contains("Jane &#123;&#123; site.title &#125;&#125; Doe<br />\nMain Street 1<br />\n12345 Town", text);
        Assert.DoesNotContain("{{", text);
    }

    [Fact]
    public void Without_a_privacy_section_there_is_no_policy() => Assert.Null(PrivacyConfig.Read(new Dictionary<string, object?>()));

    [Theory]
    [InlineData("privacy.controller.email: required")]
    public void Missing_contact_names_the_setting(string message) =>
        Assert.Equal(message, Assert.Throws<PrivacyConfigException>(() => PrivacyConfig.Read(Config("no-email"))).Message);

    [Fact]
    public void Bad_settings_name_the_setting()
    {
        Assert.StartsWith("candor.ads.provider: unknown provider 'adsense'", Error(new() { ["ads"] = new Dictionary<string, object?> { ["provider"] = "adsense" } }));
        Assert.StartsWith("candor.embeds.youtube.provider: unknown provider 'vimeo'", Error(new() { ["embeds"] = new Dictionary<string, object?> { ["youtube"] = new Dictionary<string, object?> { ["provider"] = "vimeo" } } }));
        Assert.StartsWith("candor.analytics.retention_months: expected a whole number from 1 to 120, got '0'", Error(new() { ["analytics"] = new Dictionary<string, object?> { ["retention_months"] = 0L } }));
        Assert.StartsWith("candor.analytics.k_threshold:", Error(new() { ["analytics"] = new Dictionary<string, object?> { ["k_threshold"] = "many" } }));
        Assert.StartsWith("candor.analytics.retention_days: unknown setting", Error(new() { ["analytics"] = new Dictionary<string, object?> { ["retention_days"] = 3L } }));
        Assert.StartsWith("candor.embeds.comments.forum: 'forum' is not an http(s) URL", Error(new() { ["embeds"] = new Dictionary<string, object?> { ["comments"] = new Dictionary<string, object?> { ["forum"] = "forum" } } }));
        var config = Config();
        ((Dictionary<string, object?>)config["privacy"]!)["last_update"] = "yesterday";
        Assert.StartsWith("privacy.last_update:", Assert.Throws<PrivacyConfigException>(() => PrivacyConfig.Read(config)).Message);
    }

    private static string Error(Dictionary<string, object?> candor) => Assert.Throws<PrivacyConfigException>(() => PrivacyConfig.Read(Config(candor: candor))).Message;
}
