using Candor.Analytics.Store;

namespace Candor.Bench.Dashboard;

/// <summary>One site's visitors: the distributions a session is drawn from.</summary>
internal sealed class Traffic(Random random, string site)
{
    private readonly Zipf _pages = new(random, 2000, 1.1);
    private readonly Zipf _tailReferrers = new(random, 800, 1.2);
    private readonly Zipf _countries = new(random, Countries.Length, 1.3);
    private readonly Zipf _downloads = new(random, 40, 1.0);
    private readonly Zipf _outbound = new(random, 300, 1.1);
    private readonly ulong[] _recentVisitors = new ulong[256];
    private int _recent;

    private static readonly string[] Countries =
    [
        "US", "DE", "GB", "FR", "IN", "CA", "NL", "JP", "BR", "AU", "PL", "ES", "IT", "SE", "CH", "AT", "RU", "CN", "KR", "BE",
        "CZ", "DK", "FI", "NO", "UA", "MX", "AR", "TR", "IL", "SG", "TW", "NZ", "IE", "PT", "HU", "RO", "ZA", "ID", "VN", "GR",
    ];

    // (source, referrer, channel, utm_medium, weight): direct traffic has no referrer.
    private static readonly (string? Source, string? Referrer, string Channel, string? Medium, double Weight)[] Sources =
    [
        (null, null, "Direct", null, 38),
        ("Google", "www.google.com", "Organic Search", null, 30),
        ("DuckDuckGo", "duckduckgo.com", "Organic Search", null, 4),
        ("Bing", "www.bing.com", "Organic Search", null, 3),
        ("GitHub", "github.com/candor/candor", "Referral", null, 5),
        ("Hacker News", "news.ycombinator.com/item", "Organic Social", null, 2),
        ("Reddit", "www.reddit.com/r/3Dprinting", "Organic Social", null, 3),
        ("Twitter", "t.co", "Organic Social", null, 2),
        ("YouTube", "www.youtube.com", "Organic Video", null, 1.5),
        ("newsletter", null, "Email", "email", 1.5),
        (null, "tail", "Referral", null, 10),
    ];

    private static readonly (string Browser, string Os, string Device, string[] BrowserVersions, string[] OsVersions, double Weight)[] Clients =
    [
        ("Chrome", "Windows", "Desktop", ["131.0", "130.0", "129.0"], ["10", "11"], 30),
        ("Safari", "iOS", "Mobile", ["18.1", "17.6"], ["18.1", "17.6"], 16),
        ("Chrome", "Android", "Mobile", ["131.0", "130.0"], ["14", "13", "12"], 14),
        ("Firefox", "Windows", "Desktop", ["133.0", "132.0", "128.0"], ["10", "11"], 8),
        ("Safari", "Mac", "Desktop", ["18.1", "17.6"], ["10.15"], 8),
        ("Chrome", "Mac", "Desktop", ["131.0", "130.0"], ["10.15"], 7),
        ("Microsoft Edge", "Windows", "Desktop", ["131.0"], ["10", "11"], 6),
        ("Firefox", "GNU/Linux", "Desktop", ["133.0", "128.0"], ["(not set)"], 4),
        ("Samsung Internet", "Android", "Mobile", ["26.0"], ["14"], 3),
        ("Safari", "iOS", "Tablet", ["18.1"], ["18.1"], 2),
        ("Chrome", "Chrome OS", "Desktop", ["131.0"], ["(not set)"], 2),
    ];

    private static readonly string[] Authors = ["ana", "ben", "chen", "dara", "eli", "fay", "gus", "hana"];

    private readonly double _sourceTotal = Sources.Sum(s => s.Weight);
    private readonly double _clientTotal = Clients.Sum(c => c.Weight);

    public void Session(DateTime start, List<StoredEvent> into)
    {
        var sessionId = NextULong();
        var visitor = _recent > 0 && random.NextDouble() < 0.15 ? _recentVisitors[random.Next(Math.Min(_recent, _recentVisitors.Length))] : NextULong();
        _recentVisitors[_recent++ % _recentVisitors.Length] = visitor;
        var source = Pick(Sources, _sourceTotal, s => s.Weight);
        var tailHost = source.Referrer == "tail" ? $"blog{_tailReferrers.Next()}.example.net" : null;
        var referrer = tailHost is null ? source.Referrer : tailHost + "/post";
        var sourceName = tailHost ?? source.Source;
        var client = Pick(Clients, _clientTotal, c => c.Weight);
        var country = random.NextDouble() < 0.02 ? null : Countries[_countries.Next() - 1];
        var template = new StoredEvent
        {
            Timestamp = start, Site = site, Name = "pageview", VisitorId = visitor, SessionId = sessionId,
            Hostname = site, Pathname = "/",
            Referrer = referrer, Source = sourceName, ReferrerSource = source.Referrer is null ? null : sourceName,
            UtmSource = source.Medium is null ? null : source.Source, UtmMedium = source.Medium,
            UtmCampaign = source.Medium is null ? null : "monthly-" + (1 + random.Next(12)),
            Browser = client.Browser, BrowserVersion = client.BrowserVersions[random.Next(client.BrowserVersions.Length)],
            Os = client.Os, OsVersion = client.OsVersions[random.Next(client.OsVersions.Length)],
            Device = client.Device, Country = country,
        };
        var pageviews = 1;
        while (pageviews < 20 && random.NextDouble() < 0.55) pageviews++;
        var t = start;
        for (var i = 0; i < pageviews; i++)
        {
            var page = PagePath(_pages.Next());
            var props = page.StartsWith("/blog/", StringComparison.Ordinal) ? [new KeyValuePair<string, string>("author", Authors[page.Length % Authors.Length])] : Array.Empty<KeyValuePair<string, string>>();
            into.Add(template with { Timestamp = t, Pathname = page, Props = props });
            var engaged = (long)(1000 + 120_000 * Math.Pow(random.NextDouble(), 2.5));
            if (random.NextDouble() < 0.7)
                into.Add(template with { Timestamp = t.AddSeconds(engaged / 1000), Name = "engagement", Pathname = page, Interactive = false, ScrollDepth = (byte)random.Next(101), EngagementMilliseconds = engaged });
            if (random.NextDouble() < 0.03)
                into.Add(template with { Timestamp = t.AddSeconds(5), Name = "Outbound Link: Click", Pathname = page, Props = [new("url", $"https://github.com/candor/project-{_outbound.Next()}")] });
            if (random.NextDouble() < 0.015)
                into.Add(template with { Timestamp = t.AddSeconds(7), Name = "File Download", Pathname = page, Props = [new("url", $"https://{site}/files/model-{_downloads.Next()}.stl")] });
            t = t.AddSeconds(10 + random.Next(240));
        }
        if (random.NextDouble() < 0.01)
            into.Add(template with { Timestamp = t, Name = "404", Pathname = "/missing-" + random.Next(50), Props = [new("path", "/missing")] });
    }

    private static string PagePath(int rank) => rank switch
    {
        1 => "/",
        <= 20 => $"/docs/{rank}/",
        <= 40 => $"/plugins/{rank}/",
        _ => $"/blog/{2020 + rank % 6}/{rank % 12 + 1:00}/post-{rank}/",
    };

    private T Pick<T>(T[] items, double total, Func<T, double> weight)
    {
        var x = random.NextDouble() * total;
        foreach (var item in items)
        {
            x -= weight(item);
            if (x < 0) return item;
        }
        return items[^1];
    }

    private ulong NextULong() => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63);
}
