using Candor.Analytics.Identity;
using Candor.Analytics.Store;

namespace Candor.Analytics.Ingestion;

/// <summary>
/// The identify step: turns a valid request plus the sender's IP and user agent into the events to store,
/// one per known site. The IP and user agent go into the visitor hash and nowhere else; what leaves this
/// method is <see cref="StoredEvent"/>, which cannot hold them.
/// </summary>
public sealed class EventRecorder(SaltStore salts, SessionTracker sessions, TimeProvider time)
{
    /// <summary>The events to buffer; empty when every site is unknown or the event is an engagement with no live session.</summary>
    public IReadOnlyList<StoredEvent> Record(EventRequest request, IReadOnlyCollection<string> sites, string ip, string userAgent)
    {
        var now = time.GetUtcNow();
        var timestamp = new DateTime(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var daySalts = salts.Current();
        var events = new List<StoredEvent>(request.Domains.Count);
        foreach (var site in request.Domains)
        {
            if (!sites.Contains(site)) continue;
            var root = RootDomain.Of(site);
            var visitor = VisitorHasher.Hash(daySalts.Today, userAgent, ip, site, root);
            // A visit that began before midnight keeps yesterday's id until the session window closes.
            if (daySalts.Previous is { } previous && !sessions.IsLive(site, visitor))
            {
                var yesterday = VisitorHasher.Hash(previous, userAgent, ip, site, root);
                if (sessions.IsLive(site, yesterday)) visitor = yesterday;
            }
            var session = sessions.Record(site, visitor, request.Name, request.Pathname, request.Interactive);
            if (session is null) continue;
            events.Add(new StoredEvent
            {
                Timestamp = timestamp,
                Site = site,
                Name = request.Name,
                VisitorId = visitor,
                SessionId = session.Id,
                Hostname = request.Hostname,
                Pathname = request.Pathname,
                Referrer = ReferrerOf(request.Referrer, request.Hostname),
                UtmSource = Query(request, "utm_source"),
                UtmMedium = Query(request, "utm_medium"),
                UtmCampaign = Query(request, "utm_campaign"),
                UtmContent = Query(request, "utm_content"),
                UtmTerm = Query(request, "utm_term"),
                Interactive = request.Interactive,
                ScrollDepth = request.Engagement?.ScrollDepth,
                EngagementMilliseconds = request.Engagement?.EngagedMilliseconds,
                Props = request.Props,
            });
        }
        return events;
    }

    private static string? Query(EventRequest request, string key)
    {
        foreach (var (k, v) in request.Query) if (k == key && v.Length > 0) return v;
        return null;
    }

    /// <summary>Host + path without <c>www.</c>, query or trailing slash, as Plausible stores it; null for internal or unparsable referrers.</summary>
    internal static string? ReferrerOf(string? referrer, string pageHost)
    {
        if (referrer is null || !Uri.TryCreate(referrer, UriKind.Absolute, out var uri) || uri.Host.Length == 0) return null;
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        if (host == pageHost || host == "localhost") return null;
        return (host + uri.AbsolutePath).TrimEnd('/');
    }
}
