using System.Net;
using Candor.Server.Proxy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Candor.Server.Tests;

/// <summary>
/// Candor's forwarded-header step against ASP.NET Core's ForwardedHeadersMiddleware configured as Candor used to
/// configure it: on 20,000 seeded random requests (trusted and untrusted senders, chains, ports, IPv6, mapped IPv4,
/// junk, empty entries, whitespace, quotes, several header lines, more schemes than addresses and the reverse) both
/// must leave the same client address, port and scheme.
/// </summary>
public sealed class ProxyHeadersEquivalenceTests
{
    private static readonly string[] Proxies = ["10.0.0.0/8", "127.0.0.1", "2001:db8::/32"];

    private static readonly string[] Addresses =
    [
        "10.1.2.3", "10.255.0.1", "127.0.0.1", "127.0.0.2", "203.0.113.7", "198.51.100.1", "::1", "2001:db8::5",
        "2001:db9::5", "::ffff:10.0.0.9", "::ffff:203.0.113.9", "[2001:db8::7]:443", "10.0.0.4:8080", "203.0.113.8:1234",
        "", " ", "unknown", "300.1.1.1", "10.0.0.1:99999", "\"10.0.0.5\"", "[::1]", "fe80::1%eth0", "_hidden",
    ];

    private static readonly string[] Schemes = ["https", "http", "HTTPS", "wss", "h t t p", "", "ftp+ssl", "-x", "https:", "\"https\""];

    [Fact]
    public void Gives_the_same_client_and_scheme_as_aspnetcore_on_random_requests()
    {
        var candor = new ProxyHeaders(TrustedProxies.Networks(Proxies));
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = null };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in TrustedProxies.Networks(Proxies)) options.KnownIPNetworks.Add(network);
        var reference = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, Options.Create(options));

        var random = new Random(20261129);
        string[] senders = ["10.9.8.7", "127.0.0.1", "::ffff:127.0.0.1", "203.0.113.50", "2001:db8::1", "::1"];
        var differences = new List<string>();
        for (var i = 0; i < 20_000 && differences.Count < 5; i++)
        {
            var sender = IPAddress.Parse(senders[random.Next(senders.Length)]);
            var forwardedFor = Header(random, Addresses);
            var forwardedProto = Header(random, Schemes);
            var expected = Run(context => reference.ApplyForwarders(context), sender, forwardedFor, forwardedProto);
            var actual = Run(candor.Apply, sender, forwardedFor, forwardedProto);
            if (expected != actual)
                differences.Add($"from {sender}, X-Forwarded-For [{string.Join("|", forwardedFor)}], X-Forwarded-Proto [{string.Join("|", forwardedProto)}]: ASP.NET Core {expected}, Candor {actual}");
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    /// <summary>No header, one line or several; each line one entry or a comma-separated list with stray spaces and tabs.</summary>
    private static string[] Header(Random random, string[] pool)
    {
        var lines = random.Next(6) switch { 0 => 0, 5 => 2, _ => 1 };
        var header = new string[lines];
        for (var l = 0; l < lines; l++)
        {
            var entries = Enumerable.Range(0, random.Next(4) == 0 ? random.Next(2, 5) : 1).Select(_ => Pad(random, pool[random.Next(pool.Length)]));
            header[l] = string.Join(random.Next(3) == 0 ? " , " : ",", entries);
        }
        return header;
    }

    private static string Pad(Random random, string value) => random.Next(4) switch
    {
        0 => " " + value,
        1 => value + "\t",
        _ => value,
    };

    private static (string? Address, int Port, string Scheme) Run(Action<HttpContext> apply, IPAddress sender, string[] forwardedFor, string[] forwardedProto)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = sender;
        context.Connection.RemotePort = 50000;
        context.Request.Scheme = "http";
        if (forwardedFor.Length > 0) context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        if (forwardedProto.Length > 0) context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        apply(context);
        return (context.Connection.RemoteIpAddress?.ToString(), context.Connection.RemotePort, context.Request.Scheme);
    }
}
