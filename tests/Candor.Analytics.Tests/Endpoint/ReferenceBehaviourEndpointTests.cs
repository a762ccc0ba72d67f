using System.Net;
using System.Text;
using Candor.Analytics.Endpoint;
using Microsoft.Extensions.Time.Testing;

namespace Candor.Analytics.Tests.Endpoint;

/// <summary>
/// The reference's behaviours (plausible-compat.md §1–§2; issue 4's "must show" list) through <c>POST /api/event</c> on
/// a real Kestrel into the real DuckDB file: normalisation, props, referrer/source rules, user-agent examples,
/// multi-domain, visitor-id equality, sessions and salt rotation. The parts have their own unit tests; these prove
/// the wiring keeps each rule end to end. The clock is a <see cref="FakeTimeProvider"/> registered in the host, so
/// session gaps and midnight are exact.
/// </summary>
public sealed class ReferenceBehaviourEndpointTests
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, 250, TimeSpan.Zero));

    private static async Task Accepted(HttpClient client, string body, string userAgent = Firefox, int dropped = 0)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/event") { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        if (dropped == 0) Assert.False(response.Headers.Contains(EventEndpoint.DroppedHeader), body);
        else Assert.Equal(dropped.ToString(), response.Headers.GetValues(EventEndpoint.DroppedHeader).Single());
    }

    [Fact]
    public async Task Names_urls_domains_referrers_and_the_query_are_normalised()
    {
        await using var host = await AnalyticsHost.StartAsync(time: _time);
        await Accepted(host.Client, """{"n":404,"u":"https://WWW.Example.org/caf%C3%A9/ ?utm_source=news&utm_medium=mail&gclid=abc&secret=1#top","d":" www.example.org ","r":"https://www.Google.com/search?q=x"}""");
        await Accepted(host.Client, """{"name":"pageview","url":"https://example.org/app#/settings","domain":"example.org","hashMode":1}""");
        await Accepted(host.Client, $$"""{"n":"pageview","u":"https://example.org/","d":"example.org","r":"https://blog.someone.net/{{new string('p', 2100)}}"}""");
        await host.StopAsync();

        var rows = await host.QueryFileAsync(
            "SELECT name, site, hostname, pathname, referrer, utm_source, utm_medium, click_id_param, timestamp FROM events ORDER BY pathname");
        Assert.Equal(3, rows.Count);
        // Integer name as text; www and case gone from site and hostname; path decoded and trimmed; only campaign tags and
        // the click id's name kept from the query; referrer as host + path; timestamp = server time in whole seconds.
        Assert.Equal(["404", "example.org", "example.org", "/café/", "google.com/search", "news", "mail", "gclid", new DateTime(2026, 3, 10, 12, 0, 0)], rows[2]);
        Assert.Equal(["pageview", "example.org", "example.org", "/app#/settings", null, null, null, null, new DateTime(2026, 3, 10, 12, 0, 0)], rows[1]);
        // The referrer was cut to 2000 characters before it was stored.
        Assert.Equal("/", rows[0][3]);
        Assert.Equal("blog.someone.net/" + new string('p', 2000 - "https://blog.someone.net/".Length), rows[0][4]);
    }

    [Fact]
    public async Task Props_are_stringified_filtered_capped_at_30_and_may_come_as_meta_or_a_json_string()
    {
        await using var host = await AnalyticsHost.StartAsync(time: _time);
        await Accepted(host.Client, """{"n":"a","u":"https://example.org/1","d":"example.org","p":{"t":true,"f":false,"n":12,"x":1.5,"s":"v","nil":null,"list":[1],"map":{"k":1},"blank":"  "}}""");
        await Accepted(host.Client, """{"n":"b","u":"https://example.org/2","d":"example.org","m":{"plan":"pro"}}""");
        await Accepted(host.Client, """{"n":"c","u":"https://example.org/3","d":"example.org","props":"{\"author\":\"ann\"}"}""");
        var many = string.Join(",", Enumerable.Range(0, 35).Select(i => $"\"k{i:00}\":\"v\""));
        await Accepted(host.Client, $$$"""{"n":"d","u":"https://example.org/4","d":"example.org","p":{{{{many}}}}}""");
        await host.StopAsync();

        var rows = await host.QueryFileAsync("SELECT name, array_to_string(prop_keys, ','), array_to_string(prop_values, ','), len(prop_keys) FROM events ORDER BY name");
        Assert.Equal(["a", "t,f,n,x,s", "true,false,12,1.5,v", 5L], rows[0]);
        Assert.Equal(["b", "plan", "pro", 1L], rows[1]);
        Assert.Equal(["c", "author", "ann", 1L], rows[2]);
        Assert.Equal(30L, rows[3][3]);
    }

    [Fact]
    public async Task Sources_follow_utm_source_then_source_then_ref_then_the_referrer_and_ignore_the_sites_own_host()
    {
        await using var host = await AnalyticsHost.StartAsync(time: _time);
        string Event(int page, string query, string? referrer) =>
            $$"""{"n":"pageview","u":"https://example.org/{{page}}{{query}}","d":"example.org","r":{{(referrer is null ? "null" : $"\"{referrer}\"")}}}""";
        await Accepted(host.Client, Event(1, "?utm_source=newsletter&source=s&ref=r", "https://www.google.com/"));
        await Accepted(host.Client, Event(2, "?source=s&ref=r", "https://www.google.com/"));
        await Accepted(host.Client, Event(3, "?ref=r", "https://www.google.com/"));
        await Accepted(host.Client, Event(4, "", "https://news.ycombinator.com/item?id=1"));
        await Accepted(host.Client, Event(5, "", "https://www.example.org/other"));
        await Accepted(host.Client, Event(6, "", "http://localhost:4000/"));
        await Accepted(host.Client, Event(7, "", "https://blog.someone.net/post"));
        await Accepted(host.Client, Event(8, "?utm_source=hn", "https://news.ycombinator.com/"));
        await Accepted(host.Client, Event(9, "", null));
        await host.StopAsync();

        var rows = await host.QueryFileAsync("SELECT pathname, source, referrer_source, referrer FROM events ORDER BY pathname");
        Assert.Equal(
        [
            ["/1", "newsletter", "Google", "google.com"],
            ["/2", "s", "Google", "google.com"],
            ["/3", "r", "Google", "google.com"],
            ["/4", "Hacker News", "Hacker News", "news.ycombinator.com/item"],
            ["/5", null, null, null],
            ["/6", null, null, null],
            ["/7", "blog.someone.net", "blog.someone.net", "blog.someone.net/post"],
            ["/8", "hn", "Hacker News", "news.ycombinator.com"],
            ["/9", null, null, null],
        ], rows);
    }

    [Theory]
    [InlineData(Chrome, "Chrome", "120.0", "Windows", "10", "Desktop")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1", "Safari", "17.1", "iOS", "17.1", "Mobile")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36", "Chrome", "120.0", "Android", "14", "Mobile")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1", "Safari", "16.6", "iOS", "16.6", "Tablet")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91", "Microsoft Edge", "120.0", "Windows", "10", "Desktop")]
    [InlineData(Firefox, "Firefox", "121.0", "GNU/Linux", null, "Desktop")]
    public async Task User_agents_are_stored_as_Plausible_shows_them(string userAgent, string browser, string browserVersion, string os, string? osVersion, string device)
    {
        await using var host = await AnalyticsHost.StartAsync(time: _time);
        await Accepted(host.Client, """{"n":"pageview","u":"https://example.org/","d":"example.org"}""", userAgent);
        await host.StopAsync();
        var rows = await host.QueryFileAsync("SELECT browser, browser_version, os, os_version, device, country FROM events");
        Assert.Equal([browser, browserVersion, os, osVersion, device, null], rows.Single()); // loopback has no country
    }

    [Fact]
    public async Task Bots_and_referrer_spam_are_dropped_with_the_header_and_never_stored()
    {
        await using var host = await AnalyticsHost.StartAsync(time: _time);
        const string Page = """{"n":"pageview","u":"https://example.org/","d":"example.org"}""";
        await Accepted(host.Client, Page, "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", dropped: 1);
        await Accepted(host.Client, Page, "curl/8.5.0", dropped: 1);
        await Accepted(host.Client, Page, "", dropped: 1);
        await Accepted(host.Client, """{"n":"pageview","u":"https://example.org/","d":"example.org,other.org","r":"https://semalt.com/"}""", dropped: 2);
        await Accepted(host.Client, Page);
        await host.StopAsync();
        Assert.Equal([[1L]], await host.QueryFileAsync("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_multi_domain_event_is_stored_for_each_known_site_at_one_timestamp_and_unknown_ones_are_dropped()
    {
        await using var host = await AnalyticsHost.StartAsync(time: _time);
        await Accepted(host.Client, """{"n":"pageview","u":"https://example.org/x","d":"example.org, www.other.org ,stranger.net"}""", dropped: 1);
        await host.StopAsync();
        var rows = await host.QueryFileAsync("SELECT site, timestamp, pathname, visitor_id FROM events ORDER BY site");
        Assert.Equal(["example.org", "other.org"], rows.Select(r => r[0]));
        Assert.Equal(rows[0][1], rows[1][1]);
        Assert.Equal(rows[0][2], rows[1][2]);
        // The site is part of the visitor hash: one person on two sites cannot be linked.
        Assert.NotEqual(rows[0][3], rows[1][3]);
    }

    [Fact]
    public async Task The_visitor_id_is_the_same_only_for_the_same_ip_agent_site_and_day()
    {
        await using var host = await AnalyticsHost.StartAsync(time: _time);
        using var other = host.ClientFrom("127.0.0.2");
        string Page(string host, string site = "example.org") => $$"""{"n":"pageview","u":"https://{{host}}/","d":"{{site}}"}""";
        await Accepted(host.Client, Page("example.org"));                  // a: the reference visitor
        await Accepted(host.Client, Page("app.example.org"));              // b: another host of the same site → a
        await Accepted(host.Client, Page("www.example.org"), Firefox);     // c: → a
        await Accepted(host.Client, Page("example.org"), Chrome);          // d: another agent
        await Accepted(other, Page("example.org"));                        // e: another IP
        await Accepted(host.Client, Page("example.org", "other.org"));     // f: another site
        _time.Advance(TimeSpan.FromDays(1));
        await Accepted(host.Client, Page("example.org"));                  // g: the next day (a new salt)
        await host.StopAsync();

        var ids = (await host.QueryFileAsync("SELECT visitor_id FROM events ORDER BY timestamp, rowid")).Select(r => (ulong)r[0]!).ToArray();
        Assert.Equal(7, ids.Length);
        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(ids[0], ids[2]);
        Assert.Equal(5, ids.Skip(2).Distinct().Count()); // c (= a), d, e, f and g all differ
    }

    [Fact]
    public async Task Sessions_continue_within_30_minutes_and_engagement_neither_starts_nor_extends_one()
    {
        await using var host = await AnalyticsHost.StartAsync(time: _time);
        const string Page = """{"n":"pageview","u":"https://example.org/","d":"example.org"}""";
        const string Engagement = """{"n":"engagement","u":"https://example.org/","d":"example.org","sd":40,"e":1200}""";
        await Accepted(host.Client, Engagement, dropped: 1);   // no live session: dropped
        await Accepted(host.Client, Page);                      // 12:00 session 1 starts
        _time.Advance(TimeSpan.FromMinutes(30));
        await Accepted(host.Client, Page);                      // 12:30 exactly 30 minutes: still session 1
        _time.Advance(TimeSpan.FromMinutes(20));
        await Accepted(host.Client, Engagement);                // 12:50 stored in session 1, without extending it
        _time.Advance(TimeSpan.FromMinutes(11));
        await Accepted(host.Client, """{"n":"Signup","u":"https://example.org/","d":"example.org"}"""); // 13:01: 31 minutes after the last pageview → session 2
        await host.StopAsync();

        var rows = await host.QueryFileAsync("SELECT name, session_id, scroll_depth, engagement_ms FROM events ORDER BY timestamp");
        Assert.Equal(["pageview", "pageview", "engagement", "Signup"], rows.Select(r => r[0]));
        Assert.Equal(rows[0][1], rows[1][1]);
        Assert.Equal(rows[0][1], rows[2][1]);
        Assert.NotEqual(rows[0][1], rows[3][1]);
        Assert.Equal((byte)40, rows[2][2]);
        Assert.Equal(1200L, rows[2][3]);
    }

    [Fact]
    public async Task At_midnight_a_visit_in_progress_keeps_its_visitor_and_yesterdays_salt_is_deleted_after_the_session_window()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 10, 23, 50, 0, TimeSpan.Zero));
        await using var host = await AnalyticsHost.StartAsync(time: _time);
        var salts = Path.Combine(host.Data.Path, "salts");
        const string Page = """{"n":"pageview","u":"https://example.org/","d":"example.org"}""";
        await Accepted(host.Client, Page, Firefox);            // 23:50 visitor A
        await Accepted(host.Client, Page, Chrome);             // 23:50 visitor B
        _time.Advance(TimeSpan.FromMinutes(15));
        await Accepted(host.Client, Page, Firefox);            // 00:05 A's visit goes on: yesterday's id
        Assert.Equal(["2026-03-10.salt", "2026-03-11.salt"], Directory.GetFiles(salts).Select(Path.GetFileName).Order());
        _time.Advance(TimeSpan.FromMinutes(30));               // 00:35: the window after midnight is over
        Assert.Equal(["2026-03-11.salt"], Directory.GetFiles(salts).Select(Path.GetFileName));
        await Accepted(host.Client, Page, Chrome);             // 00:35 B again: a new day, a new visitor
        await host.StopAsync();

        var rows = await host.QueryFileAsync("SELECT visitor_id, session_id FROM events ORDER BY timestamp, rowid");
        Assert.Equal(rows[0], rows[2]);                        // A: same visitor and session across midnight
        Assert.NotEqual(rows[1][0], rows[3][0]);               // B: the old id cannot be computed any more
    }
}
