using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Candor.Server.Snapshot;

/// <summary>
/// Answers GET and HEAD for files held in the <see cref="SiteSnapshot"/>: precomputed headers, a 304 for a
/// matching If-None-Match (compared weakly) or If-Modified-Since, else the body (or its precompressed copy)
/// in one write. Anything less common — Range, If-Match, If-Unmodified-Since, other methods, a path an
/// endpoint answers, a file not in the snapshot — goes on to the static file middleware, which answers
/// exactly as before.
/// </summary>
internal sealed class SiteSnapshotMiddleware(RequestDelegate next, SiteSnapshot snapshot)
{
    private readonly StringValues _varyAlternate = snapshot.Alternate is { } a ? HeaderNames.AcceptEncoding + ", " + a.Vary : VaryAcceptEncoding;
    private static readonly StringValues AcceptRangesBytes = "bytes";
    private static readonly StringValues VaryAcceptEncoding = HeaderNames.AcceptEncoding;
    private static readonly StringValues Brotli = "br";
    private static readonly StringValues Gzip = "gzip";

    public Task Invoke(HttpContext context)
    {
        var request = context.Request;
        var requestHeaders = request.Headers;
        if (context.GetEndpoint() is not null
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || requestHeaders.Range.Count > 0 || requestHeaders.IfMatch.Count > 0 || requestHeaders.IfUnmodifiedSince.Count > 0
            || snapshot.Find(request.Path.Value ?? "/") is not { } file)
            return next(context);

        var response = context.Response;
        var headers = response.Headers;
        // A file with two bodies (full and ad-free): the choice depends on request headers, which caches must know.
        var hasAlternate = file.Alternate is not null;
        if (file.Alternate is { } alternate && snapshot.Alternate!.Wants(request)) file = alternate;
        var body = file.Body;
        var coding = file.Compressible ? AcceptEncoding.Choose(requestHeaders.AcceptEncoding) : ContentCoding.Identity;
        if (coding != ContentCoding.Identity && file.Encoded(coding) is { } encoded)
        {
            body = encoded;
            headers.ContentEncoding = coding == ContentCoding.Brotli ? Brotli : Gzip;
            headers.ETag = file.WeakETag;
        }
        else
        {
            headers.ETag = file.ETag;
        }
        headers.ContentType = file.ContentType;
        headers.LastModified = file.LastModifiedText;
        headers.AcceptRanges = AcceptRangesBytes;
        headers.CacheControl = file.CacheControl;
        // Whether or not this client gets a compressed copy, a cache must not hand it to one that asked differently.
        if (hasAlternate) headers.Vary = _varyAlternate;
        else if (file.Compressible) headers.Vary = VaryAcceptEncoding;

        if (Static.Preconditions.Evaluate(requestHeaders, file.ETag, file.LastModified) == StatusCodes.Status304NotModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.ContentLength = body.Length;
        if (HttpMethods.IsHead(request.Method)) return Task.CompletedTask;
        // Into the server's buffer without flushing: Kestrel sends headers and body together once the
        // pipeline has finished, so middleware after the response (the access log) is done before the
        // client sees it. A body stream replaced by a middleware (a byte counter) needs the flush to see anything.
        if (context.Features.Get<IHttpResponseBodyFeature>() is StreamResponseBodyFeature)
        {
            var write = response.BodyWriter.WriteAsync(body);
            return write.IsCompletedSuccessfully ? Task.CompletedTask : write.AsTask();
        }
        response.BodyWriter.Write<byte>(body);
        return Task.CompletedTask;
    }
}
