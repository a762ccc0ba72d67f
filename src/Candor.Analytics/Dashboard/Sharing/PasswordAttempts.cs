using System.Collections.Concurrent;

namespace Candor.Analytics.Dashboard.Sharing;

/// <summary>
/// Rate limit for share-link passwords: at most <see cref="Limit"/> tries per link and client address in a fixed
/// window (default 5 a minute); further tries get 429 with the seconds until the window ends. Addresses are held in
/// memory only, for one window, and never written anywhere.
/// </summary>
public sealed class PasswordAttempts(TimeProvider time, int limit = 5, TimeSpan? window = null)
{
    private readonly TimeSpan _window = window ?? TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string Slug, string Client), (DateTimeOffset Start, int Count)> _tries = new();

    public int Limit { get; } = limit;

    /// <summary>Counts a try; null when allowed, else how long until the next try is.</summary>
    public TimeSpan? Try(string slug, string client)
    {
        var now = time.GetUtcNow();
        if (_tries.Count > 10_000) Sweep(now);
        var entry = _tries.AddOrUpdate((slug, client), _ => (now, 1),
            (_, e) => now - e.Start >= _window ? (now, 1) : (e.Start, e.Count + 1));
        return entry.Count <= Limit ? null : entry.Start + _window - now;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _tries)
            if (now - entry.Start >= _window) _tries.TryRemove(key, out _);
    }
}
