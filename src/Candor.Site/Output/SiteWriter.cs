using Candor.Site.Documents;

namespace Candor.Site.Output;

/// <summary>
/// Writes a rendered site. A full build goes to a fresh folder beside the destination that replaces it
/// only once complete, so a failed or interrupted build never leaves a half-written site in place.
/// </summary>
public static class SiteWriter
{
    public static int WriteAll(string destination, IReadOnlyCollection<Document> documents, IReadOnlyCollection<StaticFile> files, IReadOnlyList<string> keepFiles)
    {
        destination = Path.GetFullPath(destination).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(destination) ?? ".";
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(destination)}.candor-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var written = Write(staging, documents, files);
            Carry(destination, staging, keepFiles);
            Swap(destination, staging);
            return written;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Writes into <paramref name="root"/>; returns the number of files written.</summary>
    public static int Write(string root, IReadOnlyCollection<Document> documents, IReadOnlyCollection<StaticFile> files)
    {
        Directory.CreateDirectory(root);
        var pages = documents.Select(d => (Target: Target(root, d.DestinationPath), Doc: d)).ToList();
        var copies = files.Select(f => (Target: Target(root, f.DestinationPath), File: f)).ToList();
        // Every folder exactly once, parents first: creating them per file repeats a walk of failing
        // mkdir calls thousands of times, and on a slow disk each of those costs.
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        foreach (var target in pages.Select(p => p.Target).Concat(copies.Select(c => c.Target)))
            for (var dir = Path.GetDirectoryName(target); dir is not null && dir.Length > rootFull.Length && folders.Add(dir); dir = Path.GetDirectoryName(dir)) { }
        foreach (var folder in folders) Directory.CreateDirectory(folder);
        Parallel.ForEach(pages, page => WriteBytes(page.Target, page.Doc.Output ?? "", FileMode.CreateNew));
        Parallel.ForEach(copies, copy => File.Copy(copy.File.SourcePath, copy.Target, overwrite: true));
        return documents.Count + files.Count;
    }

    /// <summary>
    /// One open, one write, one close. File.WriteAllText goes through a FileStream (buffering, a
    /// share-mode lock); for thousands of small pages the plain handle is measurably cheaper.
    /// </summary>
    private static void WriteBytes(string target, string text, FileMode mode)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        using var handle = File.OpenHandle(target, mode, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, FileOptions.None);
        RandomAccess.Write(handle, bytes, 0);
    }

    /// <summary>Writes one file only if its text changed (serve mode), returning whether it did.</summary>
    public static bool WriteIfChanged(string root, string relativePath, string text)
    {
        var target = Target(root, relativePath);
        if (File.Exists(target) && File.ReadAllText(target) == text) return false;
        WriteText(target, text);
        return true;
    }

    private static void WriteText(string target, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        WriteBytes(target, text, FileMode.Create);
    }

    /// <summary>Resolves a destination path, refusing anything that would land outside the root.</summary>
    public static string Target(string root, string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(root, relativePath.TrimStart('/')));
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootFull, StringComparison.Ordinal))
            throw new SiteException(relativePath, null, "output path points outside the destination folder");
        return full;
    }

    /// <summary>Jekyll's <c>keep_files</c>: entries of the old destination (e.g. <c>.git</c>) survive a rebuild.</summary>
    private static void Carry(string destination, string staging, IReadOnlyList<string> keepFiles)
    {
        if (!Directory.Exists(destination)) return;
        foreach (var keep in keepFiles)
        {
            var from = Path.Combine(destination, keep);
            var to = Path.Combine(staging, keep);
            if (Directory.Exists(from) && !Directory.Exists(to)) Directory.Move(from, to);
            else if (File.Exists(from) && !File.Exists(to)) File.Move(from, to);
        }
    }

    private static void Swap(string destination, string staging)
    {
        var old = staging + ".old";
        if (Directory.Exists(destination)) Directory.Move(destination, old);
        Directory.Move(staging, destination);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }
}
