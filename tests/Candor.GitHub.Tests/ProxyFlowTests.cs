using System.Net;
using System.Text.Json;
using Candor.GitHub.OAuth;

namespace Candor.GitHub.Tests;

/// <summary>The endpoints as browser clients use them, against the fake GitHub.</summary>
public sealed class ProxyFlowTests : IAsyncLifetime
{
    private FakeGitHub _fake = null!;
    private ProxyHost _host = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeGitHub.Start();
        _host = await ProxyHost.Start(_fake);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task LoginStarUnstarLogout()
    {
        using var browser = new Browserless(_host.Url);
        Assert.False((await Json(await browser.Get("/proxy/"))).GetProperty("authorized").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Get("/proxy/user")).StatusCode);

        var done = await browser.LogIn();
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var page = await done.Content.ReadAsStringAsync();
        Assert.Contains(PopupPage.DoneText, page);
        Assert.Contains("<script>window.close();</script>", page);
        Assert.StartsWith("default-src 'none'; script-src 'sha256-", done.Headers.GetValues("Content-Security-Policy").Single());
        var token = Assert.Single(_fake.IssuedTokens);
        Assert.DoesNotContain(token, page);
        Assert.True((await Json(await browser.Get("/proxy"))).GetProperty("authorized").GetBoolean());

        var user = await browser.Get("/proxy/user");
        Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        Assert.Equal("octocat", (await Json(user)).GetProperty("login").GetString());
        Assert.Equal("\"user-etag\"", user.Headers.ETag?.Tag);
        Assert.False(user.Headers.Contains("X-OAuth-Scopes"));
        Assert.False(user.Headers.Contains("X-RateLimit-Remaining"));
        Assert.DoesNotContain(browser.LastSetCookies, c => c.Contains("_gh_sess"));
        Assert.True(user.Headers.CacheControl is { NoStore: true, Private: true });

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Get("/proxy/user/starred/jekyll/jekyll-feed")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.Send(HttpMethod.Put, "/proxy/user/starred/jekyll/jekyll-feed", _host.Origin)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.Get("/proxy/user/starred/jekyll/jekyll-feed")).StatusCode);
        var repo = await browser.Get("/proxy/repos/jekyll/jekyll-feed");
        Assert.Equal(43, (await Json(repo)).GetProperty("stargazers_count").GetInt32());
        Assert.NotNull(repo.Content.Headers.LastModified);
        Assert.False(repo.Headers.Contains("X-GitHub-Request-Id"));
        Assert.Equal(HttpStatusCode.NoContent, (await browser.Send(HttpMethod.Delete, "/proxy/user/starred/jekyll/jekyll-feed", _host.Origin)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Get("/proxy/user/starred/jekyll/jekyll-feed")).StatusCode);
        Assert.Equal(42, _fake.Stars("jekyll/jekyll-feed"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Get("/proxy/repos/jekyll/no-such-repo")).StatusCode);

        var logout = await browser.Send(HttpMethod.Post, "/proxy/logout", _host.Origin);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Contains(browser.LastSetCookies, c => c.StartsWith(TokenCookie.Name + "=;", StringComparison.Ordinal));
        Assert.False((await Json(await browser.Get("/proxy/"))).GetProperty("authorized").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Get("/proxy/user/starred/jekyll/jekyll-feed")).StatusCode);

        Assert.DoesNotContain(_host.Logs, line => line.Contains(token, StringComparison.Ordinal));
        // Anonymous repository calls reach GitHub without any Authorization; only the listed calls were made.
        Assert.All(_fake.Requests, r => Assert.Matches(@"^(GET /login/oauth/authorize|POST /login/oauth/access_token|GET /user|(GET|PUT|DELETE) /user/starred/jekyll/jekyll-feed|GET /repos/jekyll/(jekyll-feed|no-such-repo))$", r));
    }

    [Fact]
    public async Task LoginRedirectUsesPkceS256AndNarrowScope()
    {
        using var browser = new Browserless(_host.Url);
        var start = await browser.Get("/proxy/login");
        var location = start.Headers.Location!;
        Assert.StartsWith(_fake.Url + "login/oauth/authorize?", location.ToString());
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"].ToString().Length);
        Assert.Equal("public_repo", query["scope"]);
        Assert.Equal(FakeGitHub.ClientId, query["client_id"]);
        Assert.Equal(_host.Url + "proxy/login", query["redirect_uri"]);
        Assert.True(query["state"].ToString().Length >= 43);
        Assert.DoesNotContain(FakeGitHub.ClientSecret, location.ToString());
        var cookie = Assert.Single(browser.LastSetCookies);
        Assert.StartsWith(StateCookie.Name + "=", cookie);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/proxy/login", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=600", cookie, StringComparison.OrdinalIgnoreCase);
        // The verifier is nowhere in the URL; the cookie does not reveal the state either.
        Assert.DoesNotContain(query["state"].ToString(), cookie);
    }

    [Fact]
    public async Task TokenCookieIsHttpOnlySecureStrictScopedAndBounded()
    {
        using var browser = new Browserless(_host.Url);
        await browser.LogIn();
        var cookie = Assert.Single(browser.LastSetCookies, c => c.StartsWith(TokenCookie.Name + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/proxy", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=28800", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_fake.IssuedTokens.Single(), cookie);
        // The login cookie is gone once used.
        Assert.Contains(browser.LastSetCookies, c => c.StartsWith(StateCookie.Name + "=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutClientSecretLoginSaysNotConfiguredButCountsWork()
    {
        await using var host = await ProxyHost.Start(_fake, o => o with { ClientSecret = null });
        using var browser = new Browserless(host.Url);
        var login = await browser.Get("/proxy/login");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
        Assert.Contains("not configured", await login.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.Get("/proxy/repos/jekyll/jemoji")).StatusCode);
    }

    [Fact]
    public async Task UnknownEndpointsAndMethods()
    {
        using var browser = new Browserless(_host.Url);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Get("/proxy/orgs/jekyll")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await browser.Send(HttpMethod.Get, "/proxy/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await browser.Send(HttpMethod.Put, "/proxy/repos/jekyll/jemoji", _host.Origin)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await browser.Send(HttpMethod.Post, "/proxy/user", _host.Origin)).StatusCode);
        Assert.Empty(_fake.Requests);
    }
}
