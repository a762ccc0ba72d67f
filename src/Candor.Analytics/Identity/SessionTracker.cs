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
    // Live sessions as plain structs under keys whose site string is one long-lived instance per site: the table
    // lives for the whole window (it is old to the GC) while a new visitor arrives with every request, and
    // references from it to young objects (a record per event, a site string parsed from each request) made every
    // gen0 collection scan it and promote them — ~8 ms pauses, the ingestion benchmark's p99.
    private readonly Dictionary<(string Site, ulong Visitor), LiveSession> _sessions = [];
    private readonly Dictionary<string, string> _siteNames = new(StringComparer.Ordinal);
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
        lock (_lock) return _sessions.TryGetValue((site, visitorId), out var s) && now.UtcTicks - s.LastEvent <= _window.Ticks;
    }

    /// <summary>Records an event and returns the session it belongs to; null for an engagement event with no live session (it is dropped).</summary>
    public Session? Record(string site, ulong visitorId, string name, bool interactive)
    {
        var now = _time.GetUtcNow();
        var isPageview = name == Ingestion.EventNames.Pageview;
        var isEngagement = name == Ingestion.EventNames.Engagement;
        lock (_lock)
        {
            if (now >= _nextSweep) Sweep(now);
            var key = (SiteName(site), visitorId);
            var isLive = _sessions.TryGetValue(key, out var live) && now.UtcTicks - live.LastEvent <= _window.Ticks;
            if (isEngagement) return isLive ? live.ToSession(visitorId) : null;
            LiveSession next;
            if (!isLive)
            {
                next = new LiveSession(RandomId(), now.UtcTicks, now.UtcTicks, IsBounce: true, Pageviews: isPageview ? 1 : 0, Events: 1);
            }
            else
            {
                var pageviews = live.Pageviews + (isPageview ? 1 : 0);
                next = live with
                {
                    LastEvent = now.UtcTicks,
                    IsBounce = live.IsBounce && pageviews < 2 && !(interactive && !isPageview),
                    Pageviews = pageviews,
                    Events = live.Events + 1,
                };
            }
            _sessions[key] = next;
            return next.ToSession(visitorId);
        }
    }

    /// <summary>The one instance of this site's name the table keys use (sites are the configured few).</summary>
    private string SiteName(string site)
    {
        if (_siteNames.TryGetValue(site, out var name)) return name;
        _siteNames[site] = site;
        return site;
    }

    private readonly record struct LiveSession(ulong Id, long Start, long LastEvent, bool IsBounce, int Pageviews, int Events)
    {
        public Session ToSession(ulong visitorId) => new()
        {
            Id = Id,
            VisitorId = visitorId,
            Start = new DateTimeOffset(Start, TimeSpan.Zero),
            LastEvent = new DateTimeOffset(LastEvent, TimeSpan.Zero),
            IsBounce = IsBounce,
            Pageviews = Pageviews,
            Events = Events,
        };
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, session) in _sessions)
            if (now.UtcTicks - session.LastEvent > _window.Ticks) _sessions.Remove(key);
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
