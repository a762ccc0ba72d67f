using System.Buffers;
using System.Text;

namespace Candor.Analytics.Identity;

/// <summary>
/// The daily visitor id: SipHash-2-4 keyed with the day's salt over user agent ‖ IP ‖ site domain ‖ root
/// domain. The salt changes every UTC day and is then deleted, so ids cannot be linked across days; the
/// site domain is in the input, so they cannot be linked across sites either.
/// This is the last place the IP and user agent are seen: they arrive as arguments and leave as a number.
/// </summary>
public static class VisitorHasher
{
    public static ulong Hash(ReadOnlySpan<byte> salt, string userAgent, string ip, string siteDomain, string rootDomain)
    {
        // NUL separates the parts so ("ab","c") and ("a","bc") differ; none of them can contain NUL
        // (HTTP header values and host names cannot).
        var length = Encoding.UTF8.GetByteCount(userAgent) + Encoding.UTF8.GetByteCount(ip)
            + Encoding.UTF8.GetByteCount(siteDomain) + Encoding.UTF8.GetByteCount(rootDomain) + 3;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var buffer = rented.AsSpan(0, length);
            var at = 0;
            foreach (var part in (ReadOnlySpan<string>)[userAgent, ip, siteDomain, rootDomain])
            {
                if (at > 0) buffer[at++] = 0;
                at += Encoding.UTF8.GetBytes(part, buffer[at..]);
            }
            return SipHash.Hash24(salt, buffer);
        }
        finally
        {
            // The buffer held the IP and user agent: clear it before it goes back to the shared pool.
            rented.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
