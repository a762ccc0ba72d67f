using Candor.Privacy.Consent;
using Candor.Server.Configuration;
using Candor.Server.Headers;

namespace Candor.Server.Tests;

/// <summary><c>candor: embeds:</c> and <c>candor: ads:</c>: what they switch on, and errors that name the setting.</summary>
public sealed class ConsentConfigSectionTests
{
    private static ConsentOptions Read(Dictionary<string, object?> candor) => ConsentConfigSection.Read(candor);

    private static string Error(Dictionary<string, object?> candor) =>
        Assert.Throws<ServerConfigException>(() => ConsentConfigSection.Read(candor)).Message;

    [Fact]
    public void Each_provider_widens_the_policy_for_exactly_its_origins()
    {
        var consent = Read(new()
        {
            ["embeds"] = new Dictionary<string, object?>
            {
                ["youtube"] = true,
                ["comments"] = new Dictionary<string, object?> { ["forum"] = "https://forum.example.org/" },
            },
            ["ads"] = new Dictionary<string, object?>
            {
                ["script"] = "https://cdn.carbonads.com/carbon.js?serve=X",
                ["hosts"] = new List<object?> { "https://srv.carbonads.net" },
            },
        });
        var csp = new ContentSecurityPolicy().AllowEmbeds(consent).ToString();
        Assert.Contains("frame-src 'self' https://www.youtube-nocookie.com https://forum.example.org", csp);
        Assert.Contains("script-src 'self' https://cdn.carbonads.com https://srv.carbonads.net", csp);

        var none = new ContentSecurityPolicy().AllowEmbeds(Read([])).ToString();
        Assert.DoesNotContain("youtube", none);
        Assert.DoesNotContain("carbon", none);
        Assert.DoesNotContain("forum", none);
    }

    [Fact]
    public void Bad_settings_fail_naming_the_setting()
    {
        Assert.StartsWith("candor.embeds.vimeo: unknown provider", Error(new() { ["embeds"] = new Dictionary<string, object?> { ["vimeo"] = true } }));
        Assert.StartsWith("candor.embeds: expected a mapping", Error(new() { ["embeds"] = "youtube" }));
        Assert.StartsWith("candor.embeds.comments.forum: expected an http(s) URL",
            Error(new() { ["embeds"] = new Dictionary<string, object?> { ["comments"] = new Dictionary<string, object?> { ["forum"] = "forum" } } }));
        Assert.StartsWith("candor.ads.script: expected an http(s) URL", Error(new() { ["ads"] = new Dictionary<string, object?>() }));
        Assert.StartsWith("candor.ads.hosts: expected a list",
            Error(new() { ["ads"] = new Dictionary<string, object?> { ["script"] = "https://cdn.example/ad.js", ["hosts"] = "srv.example" } }));
    }
}
