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

    private CountryLookup(Reader reader) => _reader = reader;

    public static CountryLookup Load(string mmdbPath)
    {
        if (!File.Exists(mmdbPath)) throw new DataSetsMissingException($"The country database is missing: '{mmdbPath}'. Run `npm ci` in Candor's data/ folder.");
        // Memory-mapped: the 8 MB file is shared with the page cache instead of copied onto the heap.
        return new CountryLookup(new Reader(mmdbPath, FileAccessMode.MemoryMapped));
    }

    /// <summary>The country code ("DE"), or null for non-public or unknown addresses and unparsable input.</summary>
    public string? Country(string ip) => IPAddress.TryParse(ip, out var address) ? Country(address) : null;

    public string? Country(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (!IsPublic(address)) return null;
        var record = _reader.Find<CountryRecord>(address);
        return record?.Code;
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

    public void Dispose() => _reader.Dispose();
}
