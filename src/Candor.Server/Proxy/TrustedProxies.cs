using System.Net;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.AspNetCore.Builder;
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
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IReadOnlyList<string> proxies) =>
        services.AddSingleton(new ProxyHeaders(Networks(proxies)));

    /// <summary>The configured networks, each IPv4 one also as the IPv4-mapped IPv6 network dual-stack sockets report (::ffff:a.b.c.d).</summary>
    internal static List<IPNetwork> Networks(IReadOnlyList<string> proxies)
    {
        var networks = new List<IPNetwork>();
        foreach (var network in proxies.Select(Parse))
        {
            networks.Add(network);
            if (network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                networks.Add(new IPNetwork(network.BaseAddress.MapToIPv6(), network.PrefixLength + 96));
        }
        return networks;
    }

    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, IReadOnlyList<string> proxies)
    {
        // With no configured proxy nobody's headers are believed, so the step is left out altogether.
        if (proxies.Count == 0) return app;
        var forwarded = app.ApplicationServices.GetRequiredService<ProxyHeaders>();
        return app.Use((context, next) =>
        {
            forwarded.Apply(context);
            return next(context);
        });
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
