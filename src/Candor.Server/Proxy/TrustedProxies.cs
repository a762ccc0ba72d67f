using System.Net;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Server.Proxy;

/// <summary>
/// Believes <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> only from the configured proxies
/// (addresses or CIDR networks). Nothing is trusted by default, loopback included: ASP.NET Core trusts
/// loopback out of the box, but then any local process could claim any client address. A proxy on the
/// same machine is configured explicitly (<c>--trusted-proxy 127.0.0.1</c>). <c>X-Forwarded-Host</c> is
/// never used.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IReadOnlyList<string> proxies)
    {
        var parsed = proxies.Select(Parse).ToList();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            // Walk back through a chain of trusted proxies; the walk stops at the first address not trusted.
            forwarded.ForwardLimit = null;
            foreach (var network in parsed)
            {
                forwarded.KnownIPNetworks.Add(network);
                // Dual-stack sockets report IPv4 peers as ::ffff:a.b.c.d.
                if (network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                    forwarded.KnownIPNetworks.Add(new IPNetwork(network.BaseAddress.MapToIPv6(), network.PrefixLength + 96));
            }
        });
        return services;
    }

    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, IReadOnlyList<string> proxies)
    {
        // With empty KnownProxies and KnownIPNetworks the middleware would trust every sender, so with no
        // configured proxy it must not run at all.
        if (proxies.Count > 0) app.UseForwardedHeaders();
        return app;
    }

    /// <summary>An address (one host) or a CIDR network.</summary>
    public static IPNetwork Parse(string text)
    {
        var trimmed = text.Trim();
        if (IPNetwork.TryParse(trimmed, out var network)) return network;
        if (IPAddress.TryParse(trimmed, out var address)) return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        throw new ServerConfigException("trusted_proxies", $"'{text}' is not an IP address or CIDR network (like 10.0.0.0/8)");
    }
}
