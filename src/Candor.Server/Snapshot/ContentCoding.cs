using Microsoft.Extensions.Primitives;

namespace Candor.Server.Snapshot;

/// <summary>The body encodings Candor sends for text, chosen from <c>Accept-Encoding</c>.</summary>
internal enum ContentCoding
{
    Identity,
    Brotli,
    Gzip,
}

internal static class AcceptEncoding
{
    /// <summary>
    /// The coding the client prefers among Brotli and gzip, by q-value, Brotli on a tie (as the response
    /// compression middleware picks); <c>*</c> stands for whichever is not named. Parsed without allocating.
    /// </summary>
    public static ContentCoding Choose(StringValues header)
    {
        double brotli = -1, gzip = -1, any = -1;
        foreach (var value in header)
        {
            var rest = value.AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var item = (comma < 0 ? rest : rest[..comma]).Trim();
                rest = comma < 0 ? default : rest[(comma + 1)..];
                var semicolon = item.IndexOf(';');
                var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
                var quality = semicolon < 0 ? 1 : Quality(item[(semicolon + 1)..]);
                if (name.Equals("br", StringComparison.OrdinalIgnoreCase)) brotli = quality;
                else if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase)) gzip = quality;
                else if (name.SequenceEqual("*")) any = quality;
            }
        }
        if (brotli < 0) brotli = any;
        if (gzip < 0) gzip = any;
        if (brotli <= 0 && gzip <= 0) return ContentCoding.Identity;
        return brotli >= gzip ? ContentCoding.Brotli : ContentCoding.Gzip;
    }

    /// <summary>The <c>q</c> parameter; an unreadable one counts as 0 (not acceptable), as RFC 9110 has no default for garbage.</summary>
    private static double Quality(ReadOnlySpan<char> parameters)
    {
        parameters = parameters.Trim();
        if (!parameters.StartsWith("q=", StringComparison.OrdinalIgnoreCase)) return 1;
        return double.TryParse(parameters[2..], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var q) && q is >= 0 and <= 1 ? q : 0;
    }
}
