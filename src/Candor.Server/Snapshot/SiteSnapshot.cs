using System.Collections.Concurrent;
using Candor.Server.Compression;
using Candor.Server.Static;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Candor.Server.Snapshot;

/// <summary>
/// The built site in memory: request path → the file GitHub Pages' rules pick for it (<c>/</c> and
/// <c>/dir/</c> → <c>index.html</c>, <c>/page</c> → <c>page.html</c>), with its bytes and headers. Paths
/// are resolved through the same <see cref="ContainedFileProvider"/> the disk path uses, so symlink
/// containment and dot-folder hiding are the same; what this cannot answer (misses, redirects, big files)
/// is left to the disk path.
/// <para>Staying current: every hit costs one <c>stat</c> of the file, so a page rewritten in place (what
/// <c>serve</c> does after an edit, or a deployment copying over the site) is served fresh on the very next
/// request. Files appearing, disappearing, being renamed or changing permissions can change which file a
/// path resolves to; a watcher on the site folder then starts a new, empty snapshot. If the folder cannot be watched (the
/// system's inotify limits), the snapshot stays off and every request goes to the disk.</para>
/// </summary>
public sealed class SiteSnapshot : IDisposable
{
    /// <summary>Bigger files are streamed from disk (sendfile) rather than held in memory.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// Caps the path map: <c>//about.html</c>, <c>///about.html</c>… all resolve to one file, so without a cap
    /// a client could grow the map without end. Files themselves are shared, so memory is bounded by the site.
    /// </summary>
    private const int MaxPaths = 10_000;

    /// <summary>
    /// Memory the file bodies may take (compressed copies come on top, smaller). A site bigger than this —
    /// photo galleries — keeps what was asked for first in memory and streams the rest from disk.
    /// </summary>
    public const long MaxTotalBytes = 256 * 1024 * 1024;

    private readonly IFileProvider _files;
    private readonly FileExtensionContentTypeProvider _types = SiteContentTypes.Create();
    private readonly FileSystemWatcher? _watcher;
    private Generation _current = new();

    public SiteSnapshot(string root, AlternateBody? alternate = null)
    {
        Alternate = alternate;
        _files = new ContainedFileProvider(root);
        try
        {
            _watcher = new FileSystemWatcher(Path.GetFullPath(root))
            {
                IncludeSubdirectories = true,
                // Not LastWrite: a rewrite is what the stat check is for. Attributes: a file made unreadable must stop being served.
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Attributes,
            };
            _watcher.Changed += (_, _) => Invalidate();
            _watcher.Created += (_, _) => Invalidate();
            _watcher.Deleted += (_, _) => Invalidate();
            _watcher.Renamed += (_, _) => Invalidate();
            // Missed events (a burst overflowing the buffer): assume anything changed.
            _watcher.Error += (_, _) => Invalidate();
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    /// <summary>The second body some HTML files have (ad-free pages), or null.</summary>
    internal AlternateBody? Alternate { get; }

    /// <summary>
    /// The file to send for <paramref name="path"/>, or null when the disk path must answer (no such file,
    /// a folder redirect, a file over <see cref="MaxFileBytes"/>, a file that changed while being read).
    /// </summary>
    internal SnapshotFile? Find(string path)
    {
        if (_watcher is null) return null;
        var generation = Volatile.Read(ref _current);
        if (generation.Paths.TryGetValue(path, out var known))
        {
            if (known.IsCurrent()) return known;
            generation.Paths.TryRemove(new KeyValuePair<string, SnapshotFile>(path, known));
        }
        var file = Resolve(path);
        if (file is null) return null;
        // Loads into the generation read above: if the site changed meanwhile, this lands in a discarded one.
        // A link may give one file two names with different types, so the type is part of the key.
        var key = file.ContentType + "|" + file.PhysicalName;
        var shared = generation.Files.GetValueOrDefault(key);
        if (shared is not null && shared.IsCurrent()) return Remember(generation, path, shared);
        if (Interlocked.Read(ref generation.Bytes) - (shared?.Length ?? 0) + file.Length > MaxTotalBytes) return null;
        var alternate = Alternate is not null && file.ContentType.StartsWith("text/html", StringComparison.Ordinal) ? Alternate.Make : null;
        var loaded = SnapshotFile.Load(file.PhysicalName, file.ContentType, file.CacheControl, file.Compressible, alternate);
        if (loaded is null) return null;
        generation.Files[key] = loaded;
        // Concurrent reloads of one file may count it twice until the next generation; the budget errs low, never high.
        Interlocked.Add(ref generation.Bytes, loaded.Length + (loaded.Alternate?.Body.Length ?? 0) - (shared?.Length ?? 0));
        return Remember(generation, path, loaded);
    }

    /// <summary>Forgets everything; the next requests resolve and load afresh.</summary>
    private void Invalidate() => Volatile.Write(ref _current, new Generation());

    private static SnapshotFile Remember(Generation generation, string path, SnapshotFile file)
    {
        if (generation.Paths.Count < MaxPaths) generation.Paths[path] = file;
        return file;
    }

    /// <summary>GitHub Pages' rules, as <see cref="GitHubPagesUrls"/> and the default-files middleware apply them.</summary>
    private Resolved? Resolve(string path)
    {
        if (path.Length == 0 || path[0] != '/') return null;
        return path[^1] == '/' ? Existing(path + "index.html") : Existing(path) ?? Existing(path + ".html");
    }

    private Resolved? Existing(string subpath)
    {
        var info = _files.GetFileInfo(subpath);
        if (!info.Exists || info.IsDirectory || info.PhysicalPath is null || info.Length > MaxFileBytes) return null;
        // The type comes from the requested name and the cache lifetime from the file's own name, as in the disk path.
        var type = _types.TryGetContentType(subpath, out var known) ? known : "application/octet-stream";
        return new Resolved(info.PhysicalPath, info.Length, type, CachePolicy.For(info.Name), TextCompression.IsCompressible(type));
    }

    public void Dispose() => _watcher?.Dispose();

    private sealed record Resolved(string PhysicalName, long Length, string ContentType, string CacheControl, bool Compressible);

    private sealed class Generation
    {
        public ConcurrentDictionary<string, SnapshotFile> Paths { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, SnapshotFile> Files { get; } = new(StringComparer.Ordinal);
        /// <summary>Sum of the bodies in <see cref="Files"/>.</summary>
        public long Bytes;
    }
}
