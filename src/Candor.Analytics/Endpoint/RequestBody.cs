using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Candor.Analytics.Endpoint;

/// <summary>
/// A request body held in Kestrel's own buffers until disposed, but never more than the limit: a client cannot make the
/// server buffer megabytes. An event body is a few hundred bytes that arrive with the headers, so the usual case is one
/// read and no copy; a body split over several buffer segments is copied once into a pooled array.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private readonly PipeReader _reader;
    private readonly ReadOnlySequence<byte> _buffer;
    private byte[]? _copy;
    private bool _disposed;

    private RequestBody(PipeReader reader, ReadOnlySequence<byte> buffer)
    {
        _reader = reader;
        _buffer = buffer;
        if (!buffer.IsSingleSegment)
        {
            _copy = ArrayPool<byte>.Shared.Rent((int)buffer.Length);
            buffer.CopyTo(_copy);
        }
    }

    /// <summary>The bytes read; valid until disposed (the parser copies what it keeps).</summary>
    public ReadOnlySpan<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _copy is { } copy ? copy.AsSpan(0, (int)_buffer.Length) : _buffer.FirstSpan;
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_copy is { } copy) ArrayPool<byte>.Shared.Return(copy);
        _copy = null;
        _reader.AdvanceTo(_buffer.End);
    }

    /// <summary>The body (dispose it), or null when it is longer than <paramref name="limit"/> bytes (answer 413).</summary>
    public static async ValueTask<RequestBody?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                // One byte past the limit is enough to know; the rest is never waited for.
                reader.AdvanceTo(buffer.End);
                return null;
            }
            if (result.IsCompleted) return new RequestBody(reader, buffer);
            if (result.IsCanceled) throw new OperationCanceledException("The request body read was cancelled.", cancellationToken);
            // Nothing consumed, everything examined: the next read returns once more bytes have arrived.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
