namespace Candor.Site.Serving;

/// <summary>
/// Watches a site's sources and rebuilds through <see cref="SiteSession"/>: bursts of events (editors
/// write several times per save) are collected for a short moment and handled together.
/// Changes inside the destination folder are ignored so a build does not trigger itself.
/// </summary>
public sealed class SourceWatcher : IDisposable
{
    // Long enough to gather one save (editors write, rename and touch within a few ms), short enough
    // that the rebuilt page is there before the author has switched to the browser.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(25);
    private readonly SiteSession _session;
    private readonly TextWriter _log;
    private readonly FileSystemWatcher _watcher;
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Timer _timer;
    private readonly Lock _gate = new();

    public SourceWatcher(SiteSession session, TextWriter log)
    {
        _session = session;
        _log = log;
        _timer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(session.Source) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
        _watcher.Changed += (_, e) => Queue(e.FullPath);
        _watcher.Created += (_, e) => Queue(e.FullPath);
        _watcher.Deleted += (_, e) => Queue(e.FullPath);
        _watcher.Renamed += (_, e) => { Queue(e.OldFullPath); Queue(e.FullPath); };
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Raised after each rebuild with a one-line description (tests wait on it).</summary>
    public event Action<string>? Rebuilt;

    private void Queue(string fullPath)
    {
        var destination = _session.Destination.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (fullPath.StartsWith(destination, StringComparison.Ordinal) || fullPath.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar == destination) return;
        var relative = Path.GetRelativePath(_session.Source, fullPath).Replace('\\', '/');
        if (relative.Split('/').Any(p => p is ".git" or ".jekyll-cache" or ".candor" or "node_modules")) return;
        lock (_gate)
        {
            _pending.Add(relative);
            _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private void Flush()
    {
        string[] changed;
        lock (_gate)
        {
            changed = _pending.ToArray();
            _pending.Clear();
        }
        if (changed.Length == 0) return;
        try
        {
            var message = "";
            if (changed.Length == 1 && _session.TryRebuildDocument(changed[0]) is { } quick)
                message = $"Rebuilt {changed[0]} in {quick.TotalMilliseconds:0} ms; ";
            var (written, removed, elapsed) = _session.Refresh();
            message += $"refreshed site in {elapsed.TotalMilliseconds:0} ms ({written} written, {removed} removed) after changes to {string.Join(", ", changed.Take(3))}{(changed.Length > 3 ? ", …" : "")}";
            _log.WriteLine(message);
            Rebuilt?.Invoke(message);
        }
        catch (SiteBuildException e)
        {
            _log.WriteLine($"Rebuild failed with {e.Errors.Count} error(s); still serving the last good build:");
            foreach (var error in e.Errors) _log.WriteLine($"  {error}");
            Rebuilt?.Invoke("failed");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.WriteLine($"Rebuild failed: {e.Message}");
            Rebuilt?.Invoke("failed");
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
    }
}
