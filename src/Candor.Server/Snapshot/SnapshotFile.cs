using System.IO.Compression;
using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.Primitives;

namespace Candor.Server.Snapshot;

/// <summary>
/// One file of the site held in memory with its response headers worked out once. ETag and Last-Modified are
/// computed exactly as the static file middleware computes them, so a Range or If-Match request that falls
/// through to it sees the same validators. Text gets Brotli and gzip copies, each made once, at the best
/// quality (a request then costs nothing to compress), and only the first time a client asks for it so
/// loading a big site stays quick.
/// </summary>
internal sealed class SnapshotFile
{
    private readonly Lazy<byte[]?> _brotli;
    private readonly Lazy<byte[]?> _gzip;

    private SnapshotFile(string physicalPath, long length, DateTime lastWriteUtc, byte[] body, string contentType, string cacheControl, bool compressible,
        string tagSuffix = "")
    {
        PhysicalPath = physicalPath;
        Length = length;
        LastWriteUtc = lastWriteUtc;
        Body = body;
        ContentType = contentType;
        CacheControl = cacheControl;
        Compressible = compressible;
        LastModified = FileETag.LastModified(lastWriteUtc);
        LastModifiedText = HeaderUtilities.FormatDate(LastModified);
        // An alternate body gets its own validator (same base, a suffix): a 304 must never confirm the other body.
        var tag = FileETag.For(LastModified, length, tagSuffix);
        ETag = tag;
        // A strong ETag promises identical bytes; a compressed body is not the file's bytes.
        WeakETag = "W/" + tag;
        _brotli = new Lazy<byte[]?>(() => SmallerOrNull(CompressBrotli(body)));
        _gzip = new Lazy<byte[]?>(() => SmallerOrNull(CompressGzip(body)));
    }

    public string PhysicalPath { get; }
    public long Length { get; }
    public DateTime LastWriteUtc { get; }
    public byte[] Body { get; }
    public StringValues ContentType { get; }
    public StringValues CacheControl { get; }
    public bool Compressible { get; }
    public DateTimeOffset LastModified { get; }
    public StringValues LastModifiedText { get; }
    public string ETag { get; }
    public StringValues WeakETag { get; }
    /// <summary>The second body (<see cref="AlternateBody"/>) with its own ETag and compressed copies, if this file has one.</summary>
    public SnapshotFile? Alternate { get; private init; }

    /// <summary>The compressed copy for <paramref name="coding"/>, or null when compressing does not make it smaller.</summary>
    public byte[]? Encoded(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => _brotli.Value,
        ContentCoding.Gzip => _gzip.Value,
        _ => null,
    };

    /// <summary>Reads the file; null when it changed while being read (the next request tries again).</summary>
    public static SnapshotFile? Load(string physicalPath, string contentType, string cacheControl, bool compressible, Func<byte[], byte[]?>? alternate = null)
    {
        // Look before reading: if the file changes in between, the recorded time is older than the
        // content and the next request's check reloads it, never the other way round.
        var info = new FileInfo(physicalPath);
        if (!info.Exists) return null;
        var length = info.Length;
        var lastWrite = info.LastWriteTimeUtc;
        byte[] body;
        try
        {
            body = File.ReadAllBytes(physicalPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (body.Length != length) return null;
        var other = alternate?.Invoke(body);
        return new SnapshotFile(physicalPath, length, lastWrite, body, contentType, cacheControl, compressible)
        {
            Alternate = other is null ? null : new SnapshotFile(physicalPath, length, lastWrite, other, contentType, cacheControl, compressible, FileETag.AlternateSuffix),
        };
    }

    /// <summary>Whether the file on disk is still the one held here (one <c>stat</c>).</summary>
    public bool IsCurrent()
    {
        var info = new FileInfo(PhysicalPath);
        return info.Exists && info.Length == Length && info.LastWriteTimeUtc == LastWriteUtc;
    }

    private byte[]? SmallerOrNull(byte[] compressed) => compressed.Length < Body.Length ? compressed : null;

    private static byte[] CompressBrotli(byte[] body)
    {
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(body.Length)];
        // Quality 11 and a 4 MiB window: the smallest output Brotli makes, affordable because it is done once per file.
        return BrotliEncoder.TryCompress(body, output, out var written, quality: 11, window: 22) ? output[..written] : body;
    }

    private static byte[] CompressGzip(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize)) gzip.Write(body);
        return output.ToArray();
    }
}
