using System.Collections.Concurrent;

namespace Candor.Privacy.AccessLog;

/// <summary>
/// Remembers what another parser made of each User-Agent. A site sees a few hundred distinct User-Agents a
/// day and each costs a dozen regular expressions to parse; the cache makes a repeat a dictionary lookup.
/// It holds at most <see cref="Capacity"/> entries and is emptied when full, so a client sending a new
/// User-Agent with every request costs memory for a while and never more.
/// </summary>
public sealed class CachingUserAgentParser(IUserAgentParser inner, int capacity = CachingUserAgentParser.DefaultCapacity) : IUserAgentParser
{
    public const int DefaultCapacity = 4096;

    private readonly ConcurrentDictionary<string, UserAgentInfo> _known = new(StringComparer.Ordinal);

    public int Capacity => capacity;

    /// <summary>How many User-Agents are remembered right now (at most <see cref="Capacity"/>, give or take misses racing each other).</summary>
    public int Count => _known.Count;

    public UserAgentInfo Parse(string userAgent)
    {
        if (_known.TryGetValue(userAgent, out var info)) return info;
        info = inner.Parse(userAgent);
        // Clearing is cheaper than tracking use, and a full cache means the traffic is not the usual few hundred browsers anyway.
        if (_known.Count >= capacity) _known.Clear();
        _known.TryAdd(userAgent, info);
        return info;
    }
}
