using System.Net;
using Candor.Server;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.GitHub.Tests;

/// <summary><see cref="SiteServer"/> maps the proxy only when it is configured, behind its own path filters and headers.</summary>
public sealed class ServerWiringTests : IAsyncLifetime
{
    private string _root = null!;
    private FakeGitHub _fake = null!;

    public async Task InitializeAsync()
    {
        _root = Path.Combine(Path.GetTempPath(), "candor-github-wiring-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "site"));
        File.WriteAllText(Path.Combine(_root, "site", "404.html"), "<!doctype html><p>Site not-found page</p>");
        File.WriteAllText(Path.Combine(_root, "site", "index.html"), "<!doctype html><p>Home</p>");
        _fake = await FakeGitHub.Start();
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private async Task<(Microsoft.AspNetCore.Builder.WebApplication App, Uri Url)> Start(bool proxy)
    {
        var options = new SiteServerOptions { SiteRoot = Path.Combine(_root, "site"), Port = 0 };
        if (proxy) options = options with { GitHubProxy = ProxyHost.Options(_fake, _root) };
        var app = SiteServer.Create(options);
        await app.StartAsync();
        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    [Fact]
    public async Task OffByDefault()
    {
        var (app, url) = await Start(proxy: false);
        await using var _ = app;
        using var browser = new Browserless(url);
        var response = await browser.Get("/proxy/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Site not-found page", await response.Content.ReadAsStringAsync());
        Assert.False(Directory.Exists(Path.Combine(_root, "keys")));
    }

    [Fact]
    public async Task OnWhenConfiguredWithTheSiteHeadersAndPathFilter()
    {
        var (app, url) = await Start(proxy: true);
        await using var _ = app;
        using var browser = new Browserless(url);
        var status = await browser.Get("/proxy/");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("""{"authorized":false}""", await status.Content.ReadAsStringAsync());
        // The site's CSP is unchanged (same origin needs nothing more) and applies to the proxy's answers too.
        Assert.Contains("connect-src 'self';", status.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("script-src 'self';", status.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, (await browser.Get("/proxy/repos/jekyll/jemoji")).StatusCode);
        // Escapes are stopped by the server's hostile-path filter before routing, or by the proxy itself.
        foreach (var target in new[] { "/proxy/%2e%2e/repos/jekyll/jemoji", "/proxy/repos/jekyll/jemoji/../../user", "/proxy/repos/jekyll%2Fjemoji/x" })
            Assert.Equal(400, await Browserless.Raw(url, "GET", target));
        Assert.Equal(["GET /repos/jekyll/jemoji"], _fake.Requests);
        // Ordinary page views set no cookie.
        Assert.False((await browser.Get("/")).Headers.Contains("Set-Cookie"));
    }
}
