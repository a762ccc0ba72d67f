using System.Net;
using Candor.Privacy.Cookies;
using Candor.Server;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.GitHub.Tests;

/// <summary>
/// The real server (<see cref="SiteServer.Create"/>, in Development so an undeclared cookie would fail the
/// response) with the proxy against the fake GitHub, driven through page views, login, starring and logout:
/// every <c>Set-Cookie</c> of every response must be in the server's cookie inventory.
/// </summary>
public sealed class CookieInventoryTests : IAsyncLifetime
{
    private string _root = null!;
    private FakeGitHub _fake = null!;

    public async Task InitializeAsync()
    {
        _root = Path.Combine(Path.GetTempPath(), "candor-github-cookies-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "site"));
        File.WriteAllText(Path.Combine(_root, "site", "index.html"), "<!doctype html><p>Home</p>");
        _fake = await FakeGitHub.Start();
    }

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Every_cookie_set_through_login_star_and_logout_is_declared()
    {
        var options = new SiteServerOptions { SiteRoot = Path.Combine(_root, "site"), Port = 0, GitHubProxy = ProxyHost.Options(_fake, _root) };
        await using var app = SiteServer.Create(options, ["--environment", "Development"]);
        await app.StartAsync();
        var url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var inventory = app.Services.GetRequiredService<CookieInventory>();
        Assert.Equal([TokenCookie.Name, OAuth.StateCookie.Name], inventory.Declarations.Select(d => d.Name));
        using var browser = new Browserless(url);
        var seen = new List<string>();

        async Task<HttpResponseMessage> Step(Func<Task<HttpResponseMessage>> send)
        {
            var response = await send();
            Assert.True((int)response.StatusCode < 500, $"{response.RequestMessage!.RequestUri}: {response.StatusCode}");
            seen.AddRange(browser.LastSetCookies);
            return response;
        }

        await Step(() => browser.Get("/"));
        Assert.Empty(seen); // an ordinary page view sets nothing
        var start = await Step(() => browser.Get("/proxy/login"));
        var authorize = await Step(() => browser.Send(HttpMethod.Get, start.Headers.Location!.ToString()));
        await Step(() => browser.Send(HttpMethod.Get, authorize.Headers.Location!.ToString()));
        Assert.Equal(HttpStatusCode.OK, (await Step(() => browser.Get("/proxy/user"))).StatusCode);
        await Step(() => browser.Send(HttpMethod.Put, "/proxy/user/starred/jekyll/jekyll-feed", origin: url.GetLeftPart(UriPartial.Authority)));
        await Step(() => browser.Send(HttpMethod.Post, "/proxy/logout", origin: url.GetLeftPart(UriPartial.Authority)));

        var names = seen.Select(line => line.Split('=', 2)[0]).ToList();
        Assert.Contains(TokenCookie.Name, names);
        Assert.Contains(OAuth.StateCookie.Name, names);
        Assert.All(names, name => Assert.True(inventory.Find(name) is not null, $"undeclared cookie {name}"));
    }
}
