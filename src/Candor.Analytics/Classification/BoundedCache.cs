using System.Collections.Concurrent;

namespace Candor.Analytics.Classification;

/// <summary>
/// A thread-safe memo with a hard size limit. Real traffic repeats a few hundred user agents, so a plain
/// dictionary catches nearly every hit; when it fills (say, under a flood of random user agents) it is
/// emptied rather than evicted entry by entry, which keeps memory bounded without LRU bookkeeping on the hot path.
/// </summary>
internal sealed class BoundedCache<TValue>(int capacity)
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    /// <summary>The cached value, or <paramref name="compute"/>'s; the state is passed in so a static lambda allocates nothing per call.</summary>
    public TValue GetOrAdd<TState>(string key, Func<string, TState, TValue> compute, TState state)
    {
        if (_entries.TryGetValue(key, out var hit)) return hit;
        var value = compute(key, state);
        if (_entries.Count >= capacity) _entries.Clear();
        _entries.TryAdd(key, value);
        return value;
    }
}
