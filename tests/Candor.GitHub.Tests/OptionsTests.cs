using Candor.Server;
using Candor.Server.Configuration;
using Microsoft.AspNetCore.Http;

namespace Candor.GitHub.Tests;

/// <summary>Validation of the proxy's settings, and <c>candor: github_proxy:</c> as the server reads it.</summary>
public sealed class OptionsTests
{
    private static GitHubStarProxyOptions Valid => new() { ClientId = "Iv1.abc", KeyFolder = "/tmp/keys" };

    [Theory]
    [InlineData("http://github.com")]
    [InlineData("http://example.org")]
    [InlineData("https://github.com/login")]
    [InlineData("ftp://127.0.0.1")]
    public void UpstreamsMustBeHttpsUnlessLoopback(string url)
    {
        var e = Assert.Throws<GitHubStarProxyConfigException>(() => (Valid with { GitHubUrl = new Uri(url) }).Validate());
        Assert.Equal("github_url", e.Setting);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    [InlineData("https://api.github.com")]
    public void LoopbackHttpIsAllowedForTestFakes(string url) => (Valid with { ApiUrl = new Uri(url) }).Validate();

    [Theory]
    [InlineData("https://site.example/")]
    [InlineData("https://site.example/path")]
    [InlineData("*")]
    [InlineData("https://*.site.example")]
    [InlineData("site.example")]
    [InlineData("https://user@site.example")]
    public void AllowedOriginsMustBeExactOrigins(string origin) =>
        Assert.Equal("allowed_origins", Assert.Throws<GitHubStarProxyConfigException>(() => (Valid with { AllowedOrigins = [origin] }).Validate()).Setting);

    [Fact]
    public void LifetimeIsBounded()
    {
        Assert.Throws<GitHubStarProxyConfigException>(() => (Valid with { CookieLifetime = TimeSpan.FromDays(31) }).Validate());
        Assert.Throws<GitHubStarProxyConfigException>(() => (Valid with { Prefix = "/proxy/" }).Validate());
        Assert.Throws<GitHubStarProxyConfigException>(() => (Valid with { Prefix = "/../x" }).Validate());
    }

    private static SiteServerOptions Read(string yaml, string? secret = "from-env")
    {
        var root = Path.Combine(Path.GetTempPath(), "candor-ghcfg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            File.WriteAllText(Path.Combine(root, "_config.yml"), yaml);
            var config = new Candor.Site.SiteBuilder(new Candor.Site.BuildOptions { Source = root }).LoadConfig();
            var candor = (IReadOnlyDictionary<string, object?>)config.Values["candor"]!;
            var options = GitHubProxyConfigSection.Apply(new SiteServerOptions { SiteRoot = root }, candor, "/srv/site", secret);
            options.Validate();
            return options;
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Fact]
    public void ReadsEverySetting()
    {
        var proxy = Read("""
            candor:
              github_proxy:
                client_id: Iv1.0123456789abcdef
                prefix: /stars
                scope: public_repo read:user
                allowed_origins: [https://plugins.example.org, "http://127.0.0.1:4000"]
                github_url: https://github.example.com
                api_url: https://api.github.example.com
                key_folder: keys
                requests_per_minute: 30
                cookie:
                  same_site: none
                  lifetime_hours: 2
            """).GitHubProxy!;
        Assert.Equal("Iv1.0123456789abcdef", proxy.ClientId);
        Assert.Equal("from-env", proxy.ClientSecret);
        Assert.Equal("/stars", proxy.Prefix);
        Assert.Equal("public_repo read:user", proxy.Scope);
        Assert.Equal(["https://plugins.example.org", "http://127.0.0.1:4000"], proxy.AllowedOrigins);
        Assert.Equal(new Uri("https://github.example.com"), proxy.GitHubUrl);
        Assert.Equal(new Uri("https://api.github.example.com"), proxy.ApiUrl);
        Assert.Equal("/srv/site/keys", proxy.KeyFolder);
        Assert.Equal(30, proxy.RequestsPerMinute);
        Assert.Equal(SameSiteMode.None, proxy.SameSite);
        Assert.Equal(TimeSpan.FromHours(2), proxy.CookieLifetime);
    }

    [Fact]
    public void DefaultsAndOff()
    {
        var proxy = Read("candor:\n  github_proxy:\n    client_id: abc\n").GitHubProxy!;
        Assert.Equal("/proxy", proxy.Prefix);
        Assert.Equal("public_repo", proxy.Scope);
        Assert.Equal("/srv/site/.candor/keys", proxy.KeyFolder);
        Assert.Equal(SameSiteMode.Strict, proxy.SameSite);
        Assert.Equal(TimeSpan.FromHours(8), proxy.CookieLifetime);
        Assert.Equal(new Uri("https://github.com"), proxy.GitHubUrl);
        Assert.Null(Read("candor:\n  github_proxy: false\n").GitHubProxy);
        Assert.Null(Read("candor:\n  server: {}\n").GitHubProxy);
    }

    [Theory]
    [InlineData("client_secret: s3cret", "github_proxy.client_secret")]
    [InlineData("clientid: x", "github_proxy.clientid")]
    [InlineData("api_url: http://api.example", "github_proxy.api_url")]
    [InlineData("cookie: {same_site: sometimes}", "github_proxy.cookie.same_site")]
    [InlineData("cookie: {lifetime_hours: 2000}", "github_proxy.cookie.lifetime_hours")]
    public void RejectsWrongSettingsNamingThem(string line, string setting)
    {
        var e = Assert.Throws<ServerConfigException>(() => Read($"candor:\n  github_proxy:\n    client_id: abc\n    {line}\n"));
        Assert.StartsWith("candor." + setting + ":", e.Message);
    }
}
