using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Http;

namespace Candor.Server.Proxy;

/// <summary>
/// Applies <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from trusted proxies to the connection's client address
/// and the request's scheme, with ASP.NET Core's rules (its ForwardedHeadersMiddleware with these two headers, no
/// forward limit and no symmetry requirement): entries are taken right to left, one per hop, while the address the
/// hop came from is trusted; an unparsable address stops the walk; a scheme is taken only if it is made of scheme
/// characters. A test runs both on random header sets and compares the outcome.
/// Why not that middleware itself: it cost about 1 µs and ~350 bytes per request (arrays, endpoints, and the
/// X-Original-* headers it writes, which nothing here reads), on a server where every analytics event arrives
/// through the proxy. The common single-value header is read without splitting.
/// </summary>
internal sealed class ProxyHeaders(IEnumerable<IPNetwork> networks)
{
    // An array, looped by index: a foreach over an IReadOnlyList boxed an enumerator on every check.
    private readonly IPNetwork[] _trusted = [.. networks];

    private const string ForHeader = "X-Forwarded-For";
    private const string ProtoHeader = "X-Forwarded-Proto";

    // RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) — the same test ASP.NET Core applies.
    private static readonly SearchValues<char> SchemeChars =
        SearchValues.Create("+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public void Apply(HttpContext context)
    {
        var connection = context.Connection;
        var address = connection.RemoteIpAddress;
        // A sender that is not a trusted proxy (a request bypassing it) costs this one check and nothing else.
        if (address is null || !IsTrusted(address)) return;
        var headers = context.Request.Headers;
        var forwardedFor = Entries(headers, ForHeader);
        var forwardedProto = Entries(headers, ProtoHeader);
        var count = Math.Max(forwardedFor.Count, forwardedProto.Count);
        var port = connection.RemotePort;
        string? scheme = null;
        var changed = false;
        for (var hop = 0; hop < count; hop++)
        {
            if (hop > 0 && !IsTrusted(address)) break; // hop 0's sender was checked above
            var forText = hop < forwardedFor.Count ? forwardedFor.FromRight(hop) : null;
            if (forText is not null && IPEndPoint.TryParse(forText, out var endPoint))
            {
                (address, port, changed) = (endPoint.Address, endPoint.Port, true);
            }
            else if (!string.IsNullOrEmpty(forText))
            {
                break;
            }
            var protoText = hop < forwardedProto.Count ? forwardedProto.FromRight(hop) : null;
            if (!string.IsNullOrEmpty(protoText) && protoText.AsSpan().IndexOfAnyExcept(SchemeChars) < 0)
                (scheme, changed) = (protoText, true);
        }
        if (!changed) return;
        connection.RemoteIpAddress = address;
        connection.RemotePort = port;
        if (scheme is not null) context.Request.Scheme = scheme;
    }

    private bool IsTrusted(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6 && IsTrusted(address.MapToIPv4())) return true;
        for (var i = 0; i < _trusted.Length; i++)
            if (_trusted[i].Contains(address)) return true;
        return false;
    }

    // Visible ASCII except the list separator and quotes: a value made only of these is one entry as it stands.
    private static readonly SearchValues<char> PlainEntryChars =
        SearchValues.Create("!#$%&'()*+-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>A header's comma-separated entries: one plain value as it is, anything else split as ASP.NET Core splits it.</summary>
    private static HeaderEntries Entries(IHeaderDictionary headers, string name)
    {
        var values = headers[name];
        if (values.Count == 0) return default;
        if (values.Count == 1 && values[0] is { Length: > 0 } single && single.AsSpan().IndexOfAnyExcept(PlainEntryChars) < 0)
            return new HeaderEntries(single, null);
        return new HeaderEntries(null, headers.GetCommaSeparatedValues(name));
    }

    private readonly record struct HeaderEntries(string? Single, string[]? Split)
    {
        public int Count => Single is not null ? 1 : Split?.Length ?? 0;

        public string FromRight(int index) => Single ?? Split![Split.Length - 1 - index];
    }
}
