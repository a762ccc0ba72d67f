using System.Collections.Concurrent;

namespace Candor.GitHub.OAuth;

/// <summary>
/// Remembers, in memory only and only for as long as a login attempt can live, the <c>state</c> values that
/// completed a login, so a replayed callback (same URL, same cookie) is refused even inside the login
/// window. A state is a random number that says nothing about anybody, and it is never written to disk.
/// Bounded: at most <see cref="Capacity"/> entries; when full, expired entries are swept and, if it is
/// still full, the login is refused rather than letting anyone grow memory without limit.
/// </summary>
public sealed class UsedStates(GitHubStarProxyOptions options, TimeProvider time)
{
    public const int Capacity = 100_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    /// <summary>True the first time <paramref name="state"/> is presented; false for a replay.</summary>
    public bool TryUse(string state)
    {
        if (_used.Count >= Capacity / 2) Sweep();
        if (_used.Count >= Capacity) return false;
        // No attempt outlives LoginTimeout (the state cookie says so), so neither does its entry.
        return _used.TryAdd(state, time.GetUtcNow() + options.LoginTimeout);
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (state, expires) in _used)
            if (expires <= now) _used.TryRemove(state, out _);
    }
}
