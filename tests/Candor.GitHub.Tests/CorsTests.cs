using System.Net;

namespace Candor.GitHub.Tests;

/// <summary>Exact-origin allowlist with credentials; everyone else gets no CORS header at all.</summary>
public sealed class CorsTests : IAsyncLifetime
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

    private static string? Header(HttpResponseMessage r, string name) => r.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : null;

    [Fact]
    public async Task AllowedOriginGetsCredentialedCors()
    {
        using var browser = new Browserless(_host.Url);
        var response = await browser.Get("/proxy/", "https://allowed.example");
        Assert.Equal("https://allowed.example", Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Contains("Origin", Header(response, "Vary"));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://allowed.example")]
    [InlineData("https://allowed.example:444")]
    [InlineData("https://allowed.example.evil.example")]
    [InlineData("https://ALLOWED.example")]
    [InlineData("null")]
    public async Task OtherOriginsGetNoCorsHeaders(string origin)
    {
        using var browser = new Browserless(_host.Url);
        foreach (var path in new[] { "/proxy/", "/proxy/user", "/proxy/repos/jekyll/jemoji" })
        {
            var response = await browser.Get(path, origin);
            Assert.Null(Header(response, "Access-Control-Allow-Origin"));
            Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
        }
        var preflight = await Preflight(browser, origin, "PUT");
        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Null(Header(preflight, "Access-Control-Allow-Methods"));
    }

    private static Task<HttpResponseMessage> Preflight(Browserless browser, string origin, string method, string? headers = null) =>
        browser.Send(HttpMethod.Options, "/proxy/user/starred/jekyll/jemoji", origin, adjust: r =>
        {
            r.Headers.Add("Access-Control-Request-Method", method);
            if (headers is not null) r.Headers.Add("Access-Control-Request-Headers", headers);
        });

    [Fact]
    public async Task PreflightFromAllowedOrigin()
    {
        using var browser = new Browserless(_host.Url);
        var response = await Preflight(browser, "https://allowed.example", "PUT", "if-none-match");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://allowed.example", Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Contains("PUT", Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("if-none-match", Header(response, "Access-Control-Allow-Headers"));
        Assert.Equal("600", Header(response, "Access-Control-Max-Age"));
        // Methods and headers beyond the list are not granted.
        Assert.Null(Header(await Preflight(browser, "https://allowed.example", "PATCH"), "Access-Control-Allow-Origin"));
        Assert.Null(Header(await Preflight(browser, "https://allowed.example", "PUT", "authorization"), "Access-Control-Allow-Origin"));
        Assert.Empty(_fake.Requests);
    }
}
