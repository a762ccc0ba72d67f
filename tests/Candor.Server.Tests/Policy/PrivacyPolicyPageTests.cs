using Candor.Server.Policy;
using Candor.Site;

namespace Candor.Server.Tests.Policy;

/// <summary>
/// The policy as <c>candor build</c> makes it: <c>_config.yml</c> in, <c>/privacy/</c> out. Changing a setting
/// changes the page; a wrong setting fails the build with the setting's name.
/// </summary>
public sealed class PrivacyPolicyPageTests : IDisposable
{
    private const string Privacy = """
        privacy:
          last_update: 2026-05-01
          controller:
            name: Jane Doe
            address: [Main Street 1, 12345 Town]
            email: privacy@example.org

        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "candor-policy-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Build(string config, Action<string>? prepare = null)
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        Directory.CreateDirectory(Path.Combine(_root, "_layouts"));
        File.WriteAllText(Path.Combine(_root, "_config.yml"), config);
        File.WriteAllText(Path.Combine(_root, "_layouts", "page.html"), "<html><title>{{ page.title }}</title><main class=\"page\">{{ content }}</main></html>\n");
        prepare?.Invoke(_root);
        new SiteBuilder(new BuildOptions { Source = _root }, generatedPages: [new PrivacyPolicyPage()]).Build();
        return File.ReadAllText(Path.Combine(_root, "_site", "privacy", "index.html"));
    }

    private string Error(string config) =>
        string.Join("\n", Assert.Throws<SiteBuildException>(() => Build(config)).Errors.Select(e => e.ToString()));

    [Fact]
    public void Access_log_retention_follows_the_configuration()
    {
        Assert.Contains("deleted after 30 days", Build(Privacy));
        var page = Build(Privacy + "candor:\n  server:\n    access_log:\n      retention_days: 14\n      fields: [time, path]\n");
        Assert.Contains("deleted after 14 days", page);
        Assert.Contains("<li>Requested page (its path, without query string)</li>", page);
        Assert.DoesNotContain("<li>IP address</li>", page);
        Assert.Contains("keeps no log", Build(Privacy + "candor:\n  server:\n    access_log: false\n"));
    }

    [Fact]
    public void Encryption_follows_the_server_settings()
    {
        Assert.Contains("delivers pages without encryption", Build(Privacy));
        var proxied = Build(Privacy + "candor:\n  server:\n    trusted_proxies: [10.0.0.1]\n    tls_proxy: true\n");
        Assert.Contains("delivered over an encrypted connection", proxied);
        Assert.DoesNotContain("without encryption", proxied);
        Assert.Contains("tls_proxy", Error(Privacy + "candor:\n  server:\n    tls_proxy: true\n"));
        // Candor's own TLS (a certificate, or a generated one) is the other way the claim becomes true.
        Assert.Contains("delivered over an encrypted connection", Build(Privacy + "candor:\n  server:\n    self_signed: true\n"));
        Assert.Contains("delivered over an encrypted connection", Build(Privacy + "candor:\n  server:\n    tls_cert: /etc/ssl/site.pem\n"));
    }

    [Fact]
    public void Disabling_ads_removes_the_section_the_cookie_row_and_the_third_party()
    {
        var withAds = Build(Privacy + "candor:\n  ads:\n    provider: carbon\n    script: https://cdn.carbonads.com/carbon.js\n");
        Assert.Contains("Advertising by Carbon Ads", withAds);
        Assert.Contains("<code class=\"language-plaintext highlighter-rouge\">candor_ads_opt_out</code>", withAds);
        Assert.Contains("<td>2 years</td>", withAds);

        var withoutAds = Build(Privacy + "candor:\n  ads: false\n");
        Assert.DoesNotContain("Advertising", withoutAds);
        Assert.DoesNotContain("candor_ads_opt_out", withoutAds);
        Assert.DoesNotContain("Carbon", withoutAds);
    }

    [Fact]
    public void Github_proxy_and_analytics_add_their_sections_and_cookies()
    {
        var page = Build(Privacy + "candor:\n  analytics:\n    retention_months: 6\n    k_threshold: 3\n  github_proxy:\n    client_id: Iv1.x\n    cookie:\n      lifetime_hours: 4\n");
        Assert.Contains("kept for 6 months and then deleted automatically", page);
        Assert.Contains("candor-share-&lt;domain&gt;", page);
        Assert.Contains("__Secure-candor-github", page);
        Assert.Contains("<td>4 hours</td>", page);
        Assert.Contains("expires after 4 hours", page);
    }

    [Fact]
    public void Analytics_without_retention_says_the_counts_are_kept()
    {
        var page = Build(Privacy + "candor:\n  analytics:\n    sites: [example.org]\n");
        Assert.Contains("kept with no set time limit", page);
        Assert.DoesNotContain("months and then deleted", page);
    }

    [Fact]
    public void The_site_layouts_win_and_the_opt_out_include_is_placed_when_it_exists()
    {
        var page = Build(Privacy + "candor:\n  analytics: true\n", root =>
        {
            File.WriteAllText(Path.Combine(root, "_layouts", "privacy.html"), "<div class=\"policy\">{{ page.title }}|{{ content }}</div>\n");
            Directory.CreateDirectory(Path.Combine(root, "_includes"));
            File.WriteAllText(Path.Combine(root, "_includes", "analytics-opt-out.html"), "<button id=\"opt-out\">Opt out</button>");
        });
        Assert.StartsWith("<div class=\"policy\">Privacy Policy|", page);
        Assert.Contains("<button id=\"opt-out\">Opt out</button>", page);
        // Without the include the build still passes, with no slot.
        Assert.DoesNotContain("opt-out", Build(Privacy + "candor:\n  analytics: true\n"));
    }

    [Fact]
    public void Without_privacy_settings_nothing_is_generated()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "_config.yml"), "title: x\n");
        new SiteBuilder(new BuildOptions { Source = _root }, generatedPages: [new PrivacyPolicyPage()]).Build();
        Assert.False(Directory.Exists(Path.Combine(_root, "_site", "privacy")));
    }

    [Fact]
    public void Bad_settings_fail_the_build_naming_the_setting()
    {
        Assert.Contains("_config.yml: privacy.controller.email: required", Error(Privacy.Replace("    email: privacy@example.org\n", "")));
        Assert.Contains("candor.ads.provider: unknown provider 'adsense'", Error(Privacy + "candor:\n  ads:\n    provider: adsense\n"));
        Assert.Contains("candor.server.access_log.retention_days: must be from 1 to 3650 days", Error(Privacy + "candor:\n  server:\n    access_log:\n      retention_days: 0\n"));
        Assert.Contains("candor.analytics.retention_months:", Error(Privacy + "candor:\n  analytics:\n    retention_months: -3\n"));
    }
}
