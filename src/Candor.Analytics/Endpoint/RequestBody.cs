using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Candor.Analytics.Endpoint;

/// <summary>Reads a request body into memory, but never more than the limit: a client cannot make the server buffer megabytes.</summary>
internal sealed class RequestBody : IDisposable
{
    private byte[]? _rented;
    private readonly int _length;

    private RequestBody(byte[] rented, int length)
    {
        _rented = rented;
        _length = length;
    }

    /// <summary>The bytes read; valid until disposed (the buffer is pooled: the parser copies what it keeps).</summary>
    public ReadOnlySpan<byte> Bytes => (_rented ?? throw new ObjectDisposedException(nameof(RequestBody))).AsSpan(0, _length);

    public void Dispose()
    {
        if (_rented is { } rented) ArrayPool<byte>.Shared.Return(rented);
        _rented = null;
    }

    /// <summary>The body (dispose it), or null when it is longer than <paramref name="limit"/> bytes (answer 413).</summary>
    public static async Task<RequestBody?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        var rented = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, (int)(request.ContentLength ?? 4096) + 1));
        var length = 0;
        var keep = false;
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
            keep = true;
            return new RequestBody(rented, length);
        }
        finally
        {
            if (!keep) ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
