using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace Candor.Server.Static;

/// <summary>
/// A <see cref="PhysicalFileProvider"/> that also refuses files whose real location — after following
/// symbolic links — is outside the site folder. (The physical provider already refuses <c>..</c>, dot
/// files and hidden files, but it follows links wherever they point.)
/// </summary>
public sealed class ContainedFileProvider : IFileProvider
{
    private const int MaxLinkDepth = 40;
    private readonly PhysicalFileProvider _inner;
    private readonly string _realRoot;

    public ContainedFileProvider(string root)
    {
        var full = Path.GetFullPath(root);
        _inner = new PhysicalFileProvider(full, ExclusionFilters.Sensitive);
        // The site folder itself may be a link (a deployment switching "current" between releases); that is fine.
        _realRoot = RealPath(full, 0) ?? full;
    }

    public IFileInfo GetFileInfo(string subpath)
    {
        var file = _inner.GetFileInfo(subpath);
        return file.Exists && !Contained(file.PhysicalPath) ? new NotFoundFileInfo(subpath) : file;
    }

    public IDirectoryContents GetDirectoryContents(string subpath)
    {
        var contents = _inner.GetDirectoryContents(subpath);
        return contents.Exists && !Contained(Path.Combine(_realRoot, subpath.TrimStart('/'))) ? NotFoundDirectoryContents.Singleton : contents;
    }

    public IChangeToken Watch(string filter) => _inner.Watch(filter);

    private bool Contained(string? physicalPath)
    {
        if (physicalPath is null) return false;
        var real = RealPath(physicalPath, 0);
        return real is not null && (real == _realRoot || real.StartsWith(_realRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    /// <summary>The path with every symbolic link along it resolved, or null for a link loop.</summary>
    private static string? RealPath(string path, int depth)
    {
        if (depth > MaxLinkDepth) return null;
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        foreach (var part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null) return null;
                var resolved = RealPath(target.FullName, depth + 1);
                if (resolved is null) return null;
                next = resolved;
            }
            current = next;
        }
        return current;
    }
}
