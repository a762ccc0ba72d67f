using Candor.Analytics.Classification;
using Candor.Analytics.Identity;
using Candor.Analytics.Store;

namespace Candor.Analytics.Ingestion;

/// <summary>
/// The identify step: turns a valid request plus the sender's IP and user agent into the events to store,
/// one per known site. The IP and user agent go into the visitor hash and nowhere else; what leaves this
/// method is <see cref="StoredEvent"/>, which cannot hold them.
/// With a <paramref name="classifier"/>, bots and referrer spam are dropped before any identification and the
/// events carry browser/OS/device/country/source; without one (tests of identity alone) those fields stay null.
/// The server should always pass <see cref="EventClassifier.Load"/>'s result.
/// </summary>
public sealed class EventRecorder(SaltStore salts, SessionTracker sessions, TimeProvider time, EventClassifier? classifier = null)
{
    // A site's registrable root domain never changes; only configured sites get here, so the map stays small.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _roots = new(StringComparer.Ordinal);

    /// <summary>The events to buffer; empty when the event was dropped (see <see cref="Process"/> for why).</summary>
    public IReadOnlyList<StoredEvent> Record(EventRequest request, IReadOnlyCollection<string> sites, string ip, string userAgent) =>
        Process(request, sites, ip, userAgent).Events;

    /// <summary>
    /// Drop → classify → identify. <see cref="RecordOutcome.Dropped"/> says why nothing was recorded (for the
    /// endpoint's <c>x-plausible-dropped</c> count); with a multi-domain event some sites may be recorded
    /// while others are unknown, and then Dropped is null.
    /// </summary>
    public RecordOutcome Process(EventRequest request, IReadOnlyCollection<string> sites, string ip, string userAgent)
    {
        if (classifier?.DropReasonFor(request, userAgent) is { } reason) return new RecordOutcome([], reason);
        var known = false;
        // Index loops: foreach over the IReadOnlyList boxed an enumerator per event.
        for (var i = 0; i < request.Domains.Count; i++) known |= sites.Contains(request.Domains[i]);
        if (!known) return new RecordOutcome([], DropReason.UnknownSite);
        var classified = classifier?.Classify(request, ip, userAgent);
        var events = Identify(request, sites, ip, userAgent, classified);
        return new RecordOutcome(events, events.Count == 0 ? DropReason.NoLiveSession : null);
    }

    private List<StoredEvent> Identify(EventRequest request, IReadOnlyCollection<string> sites, string ip, string userAgent, Classified? classified)
    {
        var now = time.GetUtcNow();
        var timestamp = new DateTime(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var daySalts = salts.Current();
        var events = new List<StoredEvent>(request.Domains.Count);
        // What the event says is the same for every site it is recorded into: worked out once, not per site.
        var referrer = ReferrerOf(request.Referrer, request.Hostname);
        var (utmSource, utmMedium, utmCampaign) = (Query(request, "utm_source"), Query(request, "utm_medium"), Query(request, "utm_campaign"));
        var (utmContent, utmTerm) = (Query(request, "utm_content"), Query(request, "utm_term"));
        var channel = classified is null ? null : Channels.Of(classified.Source, utmMedium, utmCampaign);
        for (var i = 0; i < request.Domains.Count; i++)
        {
            var site = request.Domains[i];
            if (!sites.Contains(site)) continue;
            var root = _roots.GetOrAdd(site, RootDomain.Of);
            var visitor = VisitorHasher.Hash(daySalts.Today, userAgent, ip, site, root);
            // A visit that began before midnight keeps yesterday's id until the session window closes.
            if (daySalts.Previous is { } previous && !sessions.IsLive(site, visitor))
            {
                var yesterday = VisitorHasher.Hash(previous, userAgent, ip, site, root);
                if (sessions.IsLive(site, yesterday)) visitor = yesterday;
            }
            var session = sessions.Record(site, visitor, request.Name, request.Interactive);
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
                Referrer = referrer,
                UtmSource = utmSource,
                UtmMedium = utmMedium,
                UtmCampaign = utmCampaign,
                UtmContent = utmContent,
                UtmTerm = utmTerm,
                Browser = classified?.UserAgent.Browser,
                BrowserVersion = classified?.UserAgent.BrowserVersion,
                Os = classified?.UserAgent.Os,
                OsVersion = classified?.UserAgent.OsVersion,
                Device = classified?.UserAgent.Device,
                Country = classified?.Country,
                Source = classified?.Source.Source,
                ReferrerSource = classified?.Source.ReferrerSourceName,
                ClickIdParam = classified?.Source.ClickIdParam,
                Channel = channel,
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
        for (var i = 0; i < request.Query.Count; i++)
            if (request.Query[i] is var (k, v) && k == key && v.Length > 0) return v;
        return null;
    }

    /// <summary>Host + path without <c>www.</c>, query or trailing slash, as Plausible stores it; null for internal or unparsable referrers.</summary>
    internal static string? ReferrerOf(string? referrer, string pageHost)
    {
        if (Hosts.Absolute(referrer) is not { } url) return null;
        var host = Hosts.Plain(url.Host);
        if (host == pageHost || host == "localhost") return null;
        return (host + url.AbsolutePath).TrimEnd('/');
    }
}
