using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Candor.GitHub.Tests;

/// <summary>Slow or missing upstreams, and the per-client rate limit.</summary>
public sealed class UpstreamTests
{
    [Fact]
    public async Task SlowGitHubIs504WithJson()
    {
        await using var fake = await FakeGitHub.Start();
        await using var host = await ProxyHost.Start(fake, o => o with { UpstreamTimeout = TimeSpan.FromMilliseconds(300) });
        using var browser = new Browserless(host.Url);
        var response = await browser.Get("/proxy/repos/slow/repo");
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("upstream_timeout", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task UnreachableGitHubIs502WithJson()
    {
        await using var fake = await FakeGitHub.Start();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there any more
        await using var host = await ProxyHost.Start(fake, o => o with { ApiUrl = new Uri($"http://127.0.0.1:{closedPort}") });
        using var browser = new Browserless(host.Url);
        var response = await browser.Get("/proxy/repos/jekyll/jemoji");
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("upstream_unreachable", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task OneClientIsRateLimited()
    {
        await using var fake = await FakeGitHub.Start();
        await using var host = await ProxyHost.Start(fake, o => o with { RequestsPerMinute = 5 });
        using var browser = new Browserless(host.Url);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await browser.Get("/proxy/")).StatusCode);
        var limited = await browser.Get("/proxy/repos/jekyll/jemoji");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.DoesNotContain(fake.Requests, r => r.Contains("/repos/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("::ffff:10.0.0.1", "10.0.0.1")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    public void ClientsAreKeyedByAddressAndIPv6By64(string address, string key) =>
        Assert.Equal(key, ClientRateLimit.ClientKey(IPAddress.Parse(address)));
}
