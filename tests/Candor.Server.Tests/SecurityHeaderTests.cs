using System.Net;
using Candor.Server.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Candor.Server.Tests;

public sealed class SecurityHeaderTests
{
    [Theory]
    [InlineData("/", 200)]
    [InlineData("/about", 200)]
    [InlineData("/style.css", 200)]
    [InlineData("/app.0123abcd.js", 200)]
    [InlineData("/missing", 404)]
    [InlineData("/blog", 301)]
    [InlineData("/healthz", 200)]
    [InlineData("/%2e%2e/secret.txt", 400)]
    public async Task EveryResponseCarriesThemAndNoCookie(string target, int status)
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(site);
        var response = await RawHttp.Send(server.Base, target, "Accept-Encoding: br, gzip\r\n");
        Assert.Equal(status, response.Status);
        var headers = Headers(response.Head);
        Assert.Equal("same-origin", headers["referrer-policy"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Contains("camera=()", headers["permissions-policy"]);
        Assert.Contains("browsing-topics=()", headers["permissions-policy"]);
        var csp = headers["content-security-policy"];
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("set-cookie", headers.Keys);
        Assert.DoesNotContain("server", headers.Keys);
    }

    [Fact]
    public void PolicyIsWidenedInOnePlaceByTheFeatureThatNeedsIt()
    {
        var services = new ServiceCollection().AddSecurityHeaders();
        services.WidenContentSecurityPolicy(csp => csp.AllowFrame("https://www.youtube-nocookie.com"));
        services.WidenContentSecurityPolicy(csp => csp.Allow("object-src", "https://example.org").AllowConnect("https://stats.example"));
        var policy = services.BuildServiceProvider().GetRequiredService<IOptions<ContentSecurityPolicy>>().Value.ToString();
        Assert.Contains("frame-src 'self' https://www.youtube-nocookie.com;", policy);
        Assert.Contains("object-src https://example.org;", policy); // 'none' gave way
        Assert.Contains("connect-src 'self' https://stats.example;", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    [Theory]
    [InlineData("script-src", "https://a.example; script-src *")]
    [InlineData("script-src", "https://a.example, *")]
    [InlineData("script-src", "https://a.example\r\nSet-Cookie: x")]
    [InlineData("script-src", "")]
    [InlineData("script-src; x", "https://a.example")]
    public void RejectsSourcesThatWouldInjectDirectives(string directive, string source) =>
        Assert.Throws<ArgumentException>(() => new ContentSecurityPolicy().Allow(directive, source));

    [Fact]
    public async Task NoCookieOnAnyPageViewHeadOrAsset()
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(site);
        using var http = server.Client();
        foreach (var path in new[] { "/", "/about", "/blog/", "/missing", "/logo.svg", "/data.json", "/healthz" })
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            using var response = await http.SendAsync(new HttpRequestMessage(method, path));
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{method} {path} set a cookie");
        }
    }

    internal static Dictionary<string, string> Headers(string head) =>
        head.Split("\r\n").Skip(1).Select(line => line.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
}
