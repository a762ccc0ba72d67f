namespace Candor.Site.Previews;

/// <summary>
/// Writes a file so that readers (a running <c>serve</c>, its watcher) see either nothing or the whole file: the
/// bytes go to a temporary file in the same folder, which is then renamed over the target (atomic on one file
/// system). An interrupted download leaves no half-image that would later count as "already there".
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        // A dot name: Jekyll (and Candor) skip dot files, so a leftover temp file is never published.
        var temp = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
