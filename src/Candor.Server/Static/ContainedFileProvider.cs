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
        if (InHiddenFolder(subpath)) return new NotFoundFileInfo(subpath);
        var file = _inner.GetFileInfo(subpath);
        if (!file.Exists || file.PhysicalPath is null) return file;
        var real = Contained(file.PhysicalPath);
        if (real is null) return new NotFoundFileInfo(subpath);
        // A link inside the site: describe the file it points to (the physical provider reports the link's own length).
        return real == file.PhysicalPath ? file : new PhysicalFileInfo(new FileInfo(real));
    }

    public IDirectoryContents GetDirectoryContents(string subpath)
    {
        if (InHiddenFolder(subpath)) return NotFoundDirectoryContents.Singleton;
        var contents = _inner.GetDirectoryContents(subpath);
        return contents.Exists && null == Contained(Path.Combine(_realRoot, subpath.TrimStart('/'))) ? NotFoundDirectoryContents.Singleton : contents;
    }

    /// <summary>
    /// The physical provider hides dot files but not files inside dot folders (<c>.git/config</c>). Jekyll never
    /// writes those, so one in the site folder got there some other way; <c>.well-known</c> (ACME challenges,
    /// <c>security.txt</c>) is the exception sites include on purpose.
    /// </summary>
    private static bool InHiddenFolder(string subpath) =>
        subpath.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).Any(part => part.StartsWith('.') && part != ".well-known");

    public IChangeToken Watch(string filter) => _inner.Watch(filter);

    /// <returns>The real path when it is inside the site, else null.</returns>
    private string? Contained(string physicalPath)
    {
        var real = RealPath(physicalPath, 0);
        return real is not null && (real == _realRoot || real.StartsWith(_realRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)) ? real : null;
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
