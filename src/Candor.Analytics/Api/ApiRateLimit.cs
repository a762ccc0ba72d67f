using System.Collections.Concurrent;

namespace Candor.Analytics.Api;

/// <summary>
/// Plausible's per-key hourly request limit: a fixed one-hour window per key id, counted in memory (a restart
/// resets it, which only ever lets a client through, never locks it out).
/// </summary>
public sealed class ApiRateLimit(TimeProvider time, int hourlyLimit)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public int HourlyLimit => hourlyLimit;

    /// <summary>Counts one request for the key; false when the key has used up its hour.</summary>
    public bool TryTake(string keyId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var window = _windows.AddOrUpdate(keyId,
            _ => new Window(now, 1),
            (_, w) => now - w.Start >= TimeSpan.FromHours(1) ? new Window(now, 1) : w with { Count = w.Count + 1 });
        return window.Count <= hourlyLimit;
    }

    private sealed record Window(DateTime Start, int Count);
}
