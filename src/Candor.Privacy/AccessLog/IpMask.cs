using System.Net;
using System.Net.Sockets;

namespace Candor.Privacy.AccessLog;

/// <summary>Shortens IP addresses: IPv4 to its /24 (last octet zeroed), IPv6 to its /48.</summary>
public static class IpMask
{
    public const int IPv4PrefixLength = 24;
    public const int IPv6PrefixLength = 48;

    /// <summary>The address as it is logged: IPv4-mapped IPv6 shown as IPv4, scope id dropped, masked if asked.</summary>
    public static IPAddress Normalize(IPAddress address, bool mask)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        // Already in logged form: keep the instance, whose ToString() is cached (Kestrel shares it per connection).
        if (!mask && (address.AddressFamily == AddressFamily.InterNetwork || address.ScopeId == 0))
            return address;
        var bytes = address.GetAddressBytes();
        if (mask)
        {
            var prefix = address.AddressFamily == AddressFamily.InterNetwork ? IPv4PrefixLength : IPv6PrefixLength;
            for (var bit = prefix; bit < bytes.Length * 8; bit++)
                bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }
        return new IPAddress(bytes);
    }

    /// <summary>Masks an address to /24 (IPv4) or /48 (IPv6).</summary>
    public static IPAddress Mask(IPAddress address) => Normalize(address, mask: true);
}
