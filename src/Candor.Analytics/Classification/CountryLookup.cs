using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using MaxMind.Db;

namespace Candor.Analytics.Classification;

/// <summary>
/// IP address → ISO 3166-1 alpha-2 country code, from the geo-whois-asn-country MMDB (data © NRO, CC BY 4.0;
/// see README). Only the country is looked up, and only in memory: the address itself is never kept.
/// Private, loopback, link-local and other non-public addresses have no country.
/// </summary>
public sealed class CountryLookup : IDisposable
{
    private readonly Reader _reader;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _indexing;
    // Null until the background read below is done; lookups use the reader until then.
    private volatile Ipv4CountryRanges? _ipv4;

    private CountryLookup(Reader reader)
    {
        _reader = reader;
        // In the background, so start-up does not wait ~0.2 s for it; a failure only leaves the reader in charge.
        _indexing = Task.Run(() => _ipv4 = Ipv4CountryRanges.Build<CountryRecord>(reader, r => r.Code, _stop.Token));
    }

    public static CountryLookup Load(string mmdbPath)
    {
        if (!File.Exists(mmdbPath)) throw new DataSetsMissingException($"The country database is missing: '{mmdbPath}'. Run `npm ci` in Candor's data/ folder.");
        // Memory-mapped: the 8 MB file is shared with the page cache instead of copied onto the heap.
        return new CountryLookup(new Reader(mmdbPath, FileAccessMode.MemoryMapped));
    }

    /// <summary>Waits for the IPv4 index (tests compare it with the reader); false when it could not be built.</summary>
    internal bool WaitForIpv4Index()
    {
        try { _indexing.Wait(); }
        catch (AggregateException) { }
        return _ipv4 is not null;
    }

    /// <summary>The reader's answer alone, without the IPv4 index (the reference the index is tested against).</summary>
    internal string? CountryFromReader(IPAddress address) => _reader.Find<CountryRecord>(address)?.Code;

    /// <summary>The country code ("DE"), or null for non-public or unknown addresses and unparsable input.</summary>
    public string? Country(string ip) => IPAddress.TryParse(ip, out var address) ? Country(address) : null;

    public string? Country(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (!IsPublic(address)) return null;
        if (_ipv4 is { } ranges && address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> bytes = stackalloc byte[4];
            address.TryWriteBytes(bytes, out _);
            return ranges.Country(BinaryPrimitives.ReadUInt32BigEndian(bytes));
        }
        return CountryFromReader(address);
    }

    /// <summary>
    /// The one field read, decoded straight into a small object: a <c>Dictionary&lt;string, object&gt;</c> per lookup was
    /// a large share of what each analytics event allocated. Country codes are two letters, so the string is interned;
    /// anything else in the file counts as unknown (the store's column only holds two capital letters).
    /// </summary>
    internal sealed class CountryRecord
    {
        [Constructor]
        public CountryRecord([MapKey("country_code")] string? code) =>
            Code = code is [var a, var b] && char.IsAsciiLetterUpper(a) && char.IsAsciiLetterUpper(b) ? string.Intern(code) : null;

        public string? Code { get; }
    }

    internal static bool IsPublic(IPAddress address)
    {
        if (IPAddress.IsLoopback(address)) return false;
        // Into the stack, not a new array: this runs for every analytics event.
        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.Equals(IPAddress.IPv6None)) return false;
            return (b[0] & 0xFE) != 0xFC; // fc00::/7, unique local
        }
        return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)   // carrier-grade NAT
            || (b[0] == 169 && b[1] == 254)                 // link-local
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168));
    }

    public void Dispose()
    {
        // The index is read from the memory-mapped file: it must have stopped before the file is unmapped.
        _stop.Cancel();
        try { _indexing.Wait(); }
        catch (AggregateException) { }
        _reader.Dispose();
        _stop.Dispose();
    }
}
