using Candor.Analytics.Ingestion;

namespace Candor.Analytics.Classification;

/// <summary>
/// The drop and classify steps together: bots and referrer spam are rejected first (cheapest, and before any
/// identification work), then user agent, country and source are derived. Built once at start-up from the
/// data sets; thread-safe.
/// </summary>
public sealed class EventClassifier(UserAgentClassifier userAgents, BotDetector bots, CountryLookup countries, PublicSuffixList suffixes, ReferrerSpamList spam) : IDisposable
{
    public PublicSuffixList Suffixes => suffixes;

    /// <summary>Loads every data set from <paramref name="dataSets"/> (regexes compiled and files opened once).</summary>
    public static EventClassifier Load(DataSets dataSets, ReferrerSpamList? spam = null) => new(
        UserAgentClassifier.Load(dataSets.UserAgentRegexes),
        BotDetector.Load(dataSets.CrawlerUserAgents),
        CountryLookup.Load(dataSets.CountryDatabase),
        PublicSuffixList.Load(dataSets.PublicSuffixRules),
        spam ?? ReferrerSpamList.Default);

    /// <summary>Why the event must be dropped, or null to keep it.</summary>
    public DropReason? DropReasonFor(EventRequest request, string userAgent)
    {
        if (bots.IsBot(userAgent)) return DropReason.Bot;
        if (Hosts.Of(request.Referrer) is { } host && spam.Contains(host)) return DropReason.ReferrerSpam;
        return null;
    }

    public Classified Classify(EventRequest request, string ip, string userAgent) => new(
        userAgents.Classify(userAgent),
        countries.Country(ip),
        ReferrerSource.Resolve(request.Query, request.Referrer, request.Hostname, suffixes));

    public void Dispose() => countries.Dispose();
}
