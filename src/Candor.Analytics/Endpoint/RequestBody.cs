using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Candor.Analytics.Endpoint;

/// <summary>Reads a request body into memory, but never more than the limit: a client cannot make the server buffer megabytes.</summary>
internal static class RequestBody
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes (answer 413).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        var rented = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, (int)(request.ContentLength ?? 4096) + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == rented.Length)
                {
                    // Grow, but stop one byte past the limit: that byte is enough to know the body is too long.
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, rented.Length * 2));
                    rented.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(rented);
                    rented = bigger;
                }
                var read = await request.Body.ReadAsync(rented.AsMemory(length, Math.Min(rented.Length, limit + 1) - length), cancellationToken);
                if (read == 0) break;
                length += read;
                if (length > limit) return null;
            }
            return rented.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
