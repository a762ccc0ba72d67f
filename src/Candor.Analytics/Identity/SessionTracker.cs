using System.Runtime.InteropServices;
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
    // One table per site, of plain structs under the visitor id: the tables live for the whole window (they are old
    // to the GC) while a new visitor arrives with every request, and references from them to young objects (a record
    // per event, a site string parsed from each request) made every gen0 collection scan them and promote those —
    // ~8 ms pauses, the ingestion benchmark's p99. With no reference in an entry the GC never looks inside, and the
    // key hashes as one number (a (site, visitor) key hashed the site string on every event).
    private readonly Dictionary<string, Dictionary<ulong, LiveSession>> _sites = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextSweep;

    public SessionTracker(TimeProvider time, TimeSpan? window = null)
    {
        _time = time;
        _window = window ?? DefaultWindow;
        _nextSweep = time.GetUtcNow() + _window;
    }

    public int LiveCount { get { lock (_lock) return _sites.Values.Sum(sessions => sessions.Count); } }

    /// <summary>The live session of this visitor on this site, if any (used to continue yesterday's visitor after midnight).</summary>
    public bool IsLive(string site, ulong visitorId)
    {
        var now = _time.GetUtcNow();
        lock (_lock) return _sites.TryGetValue(site, out var sessions) && sessions.TryGetValue(visitorId, out var s) && IsLive(s, now);
    }

    private bool IsLive(LiveSession session, DateTimeOffset now) => now.UtcTicks - session.LastEvent <= _window.Ticks;

    /// <summary>Records an event and returns the session it belongs to; null for an engagement event with no live session (it is dropped).</summary>
    public Session? Record(string site, ulong visitorId, string name, bool interactive)
    {
        var now = _time.GetUtcNow();
        var isPageview = name == Ingestion.EventNames.Pageview;
        var isEngagement = name == Ingestion.EventNames.Engagement;
        lock (_lock)
        {
            if (now >= _nextSweep) Sweep(now);
            if (!_sites.TryGetValue(site, out var sessions)) _sites.Add(site, sessions = []);
            if (isEngagement) return sessions.TryGetValue(visitorId, out var current) && IsLive(current, now) ? current.ToSession(visitorId) : null;
            // One lookup for both the read and the write.
            ref var live = ref CollectionsMarshal.GetValueRefOrAddDefault(sessions, visitorId, out var exists);
            if (!exists || !IsLive(live, now))
            {
                live = new LiveSession(RandomId(), now.UtcTicks, now.UtcTicks, IsBounce: true, Pageviews: isPageview ? 1 : 0, Events: 1);
            }
            else
            {
                var pageviews = live.Pageviews + (isPageview ? 1 : 0);
                live = live with
                {
                    LastEvent = now.UtcTicks,
                    IsBounce = live.IsBounce && pageviews < 2 && !(interactive && !isPageview),
                    Pageviews = pageviews,
                    Events = live.Events + 1,
                };
            }
            return live.ToSession(visitorId);
        }
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
        foreach (var sessions in _sites.Values)
            foreach (var (visitor, session) in sessions)
                if (!IsLive(session, now)) sessions.Remove(visitor);
        _nextSweep = now + _window;
    }

    // Almost every event of a new visitor starts a session; asking the OS generator for 8 bytes each time (and
    // allocating them) showed in the ingestion profile, so each thread draws 64 ids at once.
    [ThreadStatic] private static ulong[]? t_ids;
    [ThreadStatic] private static int t_next;

    private static ulong RandomId()
    {
        var ids = t_ids ??= new ulong[64];
        if (t_next == 0) RandomNumberGenerator.Fill(MemoryMarshal.AsBytes(ids.AsSpan()));
        var id = ids[t_next];
        t_next = (t_next + 1) % ids.Length;
        return id;
    }
}
