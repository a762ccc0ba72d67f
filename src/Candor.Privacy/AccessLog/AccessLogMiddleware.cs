using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Candor.Privacy.AccessLog;

/// <summary>
/// Writes one access log line per request, after the response. The client IP is
/// <see cref="ConnectionInfo.RemoteIpAddress"/> (forwarded headers from trusted proxies are applied upstream);
/// the User-Agent is reduced to browser and OS by <see cref="IUserAgentParser"/>; nothing here can fail a
/// request or make it wait for the disk.
/// </summary>
public sealed class AccessLogMiddleware(RequestDelegate next, AccessLogWriter writer, AccessLogOptions options, IUserAgentParser parser, TimeProvider time, ILogger<AccessLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var requestTime = time.GetUtcNow();
        var started = time.GetTimestamp();
        CountingStream? counter = null;
        Stream? originalBody = null;
        if (options.Fields.HasFlag(AccessLogFields.Bytes))
        {
            originalBody = context.Response.Body;
            counter = new CountingStream(originalBody);
            context.Response.Body = counter;
        }
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            if (originalBody is not null)
                context.Response.Body = originalBody;
            Record(context, requestTime, time.GetElapsedTime(started), counter?.BytesWritten, failed);
        }
    }

    void Record(HttpContext context, DateTimeOffset requestTime, TimeSpan duration, long? bytes, bool failed)
    {
        try
        {
            var request = context.Request;
            var entry = new AccessLogEntry
            {
                Time = requestTime,
                ClientIp = context.Connection.RemoteIpAddress,
                UserAgent = request.Headers.UserAgent.ToString(),
                Referrer = request.Headers.Referer.ToString(),
                Method = request.Method,
                Path = (request.PathBase + request.Path).Value,
                // An exception that escapes the pipeline becomes a 500 if nothing was sent yet.
                Status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode,
                Bytes = bytes,
                Duration = duration,
            };
            writer.TryWrite(entry.Day, AccessLogLine.Format(entry, options, parser));
        }
        catch (Exception ex)
        {
            // Logging must never fail a request; say what went wrong without the request's data.
            logger.LogError("Access log line could not be formatted: {Error}", ex.GetType().Name);
        }
    }

    /// <summary>Counts the response body bytes written through it (used only when the Bytes field is on).</summary>
    sealed class CountingStream(Stream inner) : Stream
    {
        long count;
        public long BytesWritten => Interlocked.Read(ref count);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => inner.CanWrite;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Interlocked.Add(ref this.count, count);
        }
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Interlocked.Add(ref count, buffer.Length);
        }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            Interlocked.Add(ref count, buffer.Length);
        }
    }
}
