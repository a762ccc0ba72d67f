using System.Net;
using Candor.Server.Proxy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Server.Tests;

public sealed class TrustedProxyTests
{
    private const string Spoofed = "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Proto: https\r\n";

    /// <summary>The same two calls SiteServer makes, in front of an endpoint that shows what the app believes.</summary>
    private static async Task<(WebApplication App, Uri Address)> Echo(params string[] proxies)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddTrustedProxies(proxies);
        var app = builder.Build();
        app.UseTrustedProxies(proxies);
        app.Run(context =>
        {
            var seen = $"{context.Connection.RemoteIpAddress} {context.Request.Scheme}";
            context.Response.ContentLength = seen.Length; // not chunked, so the raw body is just this
            return context.Response.WriteAsync(seen);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new Uri(address));
    }

    [Theory]
    [InlineData(new string[0], "127.0.0.1 http")]              // nothing trusted by default, loopback included
    [InlineData(new[] { "10.0.0.1" }, "127.0.0.1 http")]       // a different proxy
    [InlineData(new[] { "10.0.0.0/8", "::1" }, "127.0.0.1 http")]
    [InlineData(new[] { "127.0.0.1" }, "203.0.113.7 https")]
    [InlineData(new[] { "127.0.0.0/8" }, "203.0.113.7 https")]
    public async Task BelievesForwardedHeadersOnlyFromConfiguredProxies(string[] proxies, string seen)
    {
        var (app, address) = await Echo(proxies);
        await using var _ = app;
        var response = await RawHttp.Send(address, "/", Spoofed);
        Assert.Equal(seen, response.Body);
    }

    [Fact]
    public async Task AChainIsFollowedOnlyThroughTrustedHops()
    {
        var (app, address) = await Echo("127.0.0.1", "10.0.0.0/8");
        await using var _ = app;
        // client → 198.51.100.9 (untrusted, could have made up the first entry) → 10.1.2.3 (trusted) → us
        var response = await RawHttp.Send(address, "/", "X-Forwarded-For: 192.0.2.1, 198.51.100.9, 10.1.2.3\r\n");
        Assert.Equal("198.51.100.9 http", response.Body);
    }

    [Fact]
    public async Task ASpoofedProtoDoesNotSkipTheHttpsRedirectUnlessTheProxyIsTrusted()
    {
        using var site = new TestSite();
        var options = new SiteServerOptions { SiteRoot = site.Site, SelfSigned = true, DataFolder = Path.Combine(site.Root, ".candor"), HttpsPort = 0 };

        await using (var untrusted = await RunningServer.Start(options))
        {
            var response = await RawHttp.Send(untrusted.Http!, "/about", Spoofed);
            Assert.Equal(308, response.Status);
        }
        await using (var trusted = await RunningServer.Start(options with { TrustedProxies = ["127.0.0.1"] }))
        {
            var response = await RawHttp.Send(trusted.Http!, "/about", Spoofed);
            Assert.Equal(200, response.Status);
            Assert.Contains("Strict-Transport-Security: max-age=31536000", response.Head); // the proxy speaks HTTPS to the visitor
        }
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1/32")]
    [InlineData("2001:db8::1", "2001:db8::1/128")]
    [InlineData(" 192.168.0.0/16 ", "192.168.0.0/16")]
    public void ParsesAddressesAndNetworks(string text, string network) => Assert.Equal(IPNetwork.Parse(network), TrustedProxies.Parse(text));

    [Theory]
    [InlineData("proxy.example")]
    [InlineData("10.0.0.1/40")]
    [InlineData("")]
    public void RejectsWhatIsNotAnAddress(string text) =>
        Assert.Equal("trusted_proxies", Assert.Throws<ServerConfigException>(() => TrustedProxies.Parse(text)).Setting);
}
