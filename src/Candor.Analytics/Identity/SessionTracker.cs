using System.Security.Cryptography;

namespace Candor.Analytics.Identity;

/// <summary>
/// Sessions by Plausible's rule, in memory: a visit continues while events are at most 30 minutes apart.
/// A session starts as a bounce; a second pageview or an interactive custom event clears it; engagement
/// events never start or change a session. Expired sessions are swept, so memory follows live visitors.
/// Nothing here is written anywhere: a restart only splits the visits in progress.
/// </summary>
public sealed class SessionTracker
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(30);

    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly Dictionary<(string Site, ulong Visitor), Session> _sessions = [];
    private readonly Lock _lock = new();
    private DateTimeOffset _nextSweep;

    public SessionTracker(TimeProvider time, TimeSpan? window = null)
    {
        _time = time;
        _window = window ?? DefaultWindow;
        _nextSweep = time.GetUtcNow() + _window;
    }

    public int LiveCount { get { lock (_lock) return _sessions.Count; } }

    /// <summary>The live session of this visitor on this site, if any (used to continue yesterday's visitor after midnight).</summary>
    public bool IsLive(string site, ulong visitorId)
    {
        var now = _time.GetUtcNow();
        lock (_lock) return _sessions.TryGetValue((site, visitorId), out var s) && now - s.LastEvent <= _window;
    }

    /// <summary>Records an event and returns the session it belongs to; null for an engagement event with no live session (it is dropped).</summary>
    public Session? Record(string site, ulong visitorId, string name, string pathname, bool interactive)
    {
        var now = _time.GetUtcNow();
        var isPageview = name == Ingestion.EventNames.Pageview;
        var isEngagement = name == Ingestion.EventNames.Engagement;
        lock (_lock)
        {
            if (now >= _nextSweep) Sweep(now);
            var key = (site, visitorId);
            var live = _sessions.TryGetValue(key, out var current) && now - current.LastEvent <= _window ? current : null;
            if (isEngagement) return live;
            Session next;
            if (live is null)
            {
                next = new Session
                {
                    Id = RandomId(),
                    VisitorId = visitorId,
                    Start = now,
                    LastEvent = now,
                    EntryPage = isPageview ? pathname : null,
                    ExitPage = isPageview ? pathname : null,
                    IsBounce = true,
                    Pageviews = isPageview ? 1 : 0,
                    Events = 1,
                };
            }
            else
            {
                var pageviews = live.Pageviews + (isPageview ? 1 : 0);
                next = live with
                {
                    LastEvent = now,
                    EntryPage = live.EntryPage ?? (isPageview ? pathname : null),
                    ExitPage = isPageview ? pathname : live.ExitPage,
                    IsBounce = live.IsBounce && pageviews < 2 && !(interactive && !isPageview),
                    Pageviews = pageviews,
                    Events = live.Events + 1,
                };
            }
            _sessions[key] = next;
            return next;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, session) in _sessions)
            if (now - session.LastEvent > _window) _sessions.Remove(key);
        _nextSweep = now + _window;
    }

    // Almost every event of a new visitor starts a session; asking the OS generator for 8 bytes each time (and
    // allocating them) showed in the ingestion profile, so each thread draws 64 ids at once.
    [ThreadStatic] private static ulong[]? t_ids;
    [ThreadStatic] private static int t_next;

    private static ulong RandomId()
    {
        var ids = t_ids ??= new ulong[64];
        if (t_next == 0) RandomNumberGenerator.Fill(System.Runtime.InteropServices.MemoryMarshal.AsBytes(ids.AsSpan()));
        var id = ids[t_next];
        t_next = (t_next + 1) % ids.Length;
        return id;
    }
}
