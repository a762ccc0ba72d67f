using System.Net;
using System.Text;
using Candor.Analytics.Endpoint;
using Candor.Analytics.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Analytics.Tests.Endpoint;

/// <summary><c>POST /api/event</c> on a real Kestrel, writing a real DuckDB file.</summary>
public sealed class EventEndpointTests
{
    private const string Pageview = """{"n":"pageview","u":"https://example.org/docs/?utm_source=news","d":"example.org","r":"https://news.ycombinator.com/item"}""";

    [Fact]
    public async Task AnEventIsAnswered202AndLandsInTheDuckDbFile()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var response = await host.PostAsync(Pageview);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains(EventEndpoint.DroppedHeader));
        var json = await host.PostAsync("""{"name":"Signup","url":"https://example.org/join","domain":"example.org","props":{"plan":"pro"}}""", "application/json");
        Assert.Equal(HttpStatusCode.Accepted, json.StatusCode);
        await host.StopAsync();

        var rows = await host.QueryFileAsync("SELECT name, site, pathname, referrer, utm_source FROM events ORDER BY name");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Signup", "example.org", "/join", null, null], rows[0]);
        Assert.Equal(["pageview", "example.org", "/docs/", "news.ycombinator.com/item", "news"], rows[1]);
    }

    [Fact]
    public async Task BotsAreDroppedAndBrowsersClassifiedBeforeStoring()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var bot = await host.PostAsync(Pageview, configure: r => UserAgent(r, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
        Assert.Equal(HttpStatusCode.Accepted, bot.StatusCode);
        Assert.Equal("1", bot.Headers.GetValues(EventEndpoint.DroppedHeader).Single());
        var headless = await host.PostAsync(Pageview, configure: r => UserAgent(r, "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36"));
        Assert.Equal("1", headless.Headers.GetValues(EventEndpoint.DroppedHeader).Single());
        var firefox = await host.PostAsync(Pageview, configure: r => UserAgent(r, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"));
        Assert.False(firefox.Headers.Contains(EventEndpoint.DroppedHeader));
        Assert.Equal(2, host.Services.GetRequiredService<IngestionCounters>().Classified);
        await host.StopAsync();

        var rows = await host.QueryFileAsync("SELECT browser, os, device, source FROM events");
        Assert.Equal([["Firefox", "Windows", "Desktop", "news"]], rows);
    }

    private static void UserAgent(HttpRequestMessage request, string userAgent)
    {
        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
    }

    [Fact]
    public async Task UnknownDomainsAreDroppedWithTheHeaderAndKnownOnesOfAListKept()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var unknown = await host.PostAsync("""{"n":"pageview","u":"https://stranger.net/","d":"stranger.net"}""");
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal("1", unknown.Headers.GetValues(EventEndpoint.DroppedHeader).Single());
        var allUnknown = await host.PostAsync("""{"n":"pageview","u":"https://a.net/","d":"a.net,b.net"}""");
        Assert.Equal("2", allUnknown.Headers.GetValues(EventEndpoint.DroppedHeader).Single());
        var mixed = await host.PostAsync("""{"n":"pageview","u":"https://example.org/","d":"example.org, www.other.org, c.net"}""");
        Assert.Equal(HttpStatusCode.Accepted, mixed.StatusCode);
        Assert.Equal("1", mixed.Headers.GetValues(EventEndpoint.DroppedHeader).Single());
        Assert.Equal(4, host.Services.GetRequiredService<IngestionCounters>().UnknownSite);
        await host.StopAsync();
        var rows = await host.QueryFileAsync("SELECT site FROM events ORDER BY site");
        Assert.Equal([["example.org"], ["other.org"]], rows);
    }

    [Fact]
    public async Task ABodyOverTheLimitIs413WithOrWithoutContentLength()
    {
        await using var host = await AnalyticsHost.StartAsync(o => o with { MaxBodyBytes = 200 });
        var big = """{"n":"pageview","u":"https://example.org/","d":"example.org","r":"https://x.org/""" + new string('a', 300) + "\"}";
        var response = await host.PostAsync(big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("""{"errors":{"request":["Request body is too large"]}}""", await response.Content.ReadAsStringAsync());

        // Chunked: no Content-Length, so the limit is enforced while reading.
        var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/event")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))),
        };
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Content.Headers.ContentType = new("text/plain");
        var chunkedResponse = await host.Client.SendAsync(chunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunkedResponse.StatusCode);
    }

    [Fact]
    public async Task AnalyticsSetsNoCookie()
    {
        // The policy: "No cookies are used". Every analytics response — accepted, dropped, refused, preflight, tracker
        // variants — is checked for Set-Cookie, and a request that arrives with cookies gets none back either.
        await using var host = await AnalyticsHost.StartAsync();
        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("pageview", await host.PostAsync(Pageview)),
            ("with a cookie", await host.PostAsync(Pageview, configure: r => r.Headers.Add("Cookie", "a=b; _ga=GA1.1.1"))),
            ("unknown site", await host.PostAsync("""{"n":"pageview","u":"https://other.example/","d":"other.example"}""")),
            ("invalid", await host.PostAsync("not json")),
            ("GPC", await host.PostAsync(Pageview, configure: r => r.Headers.Add("Sec-GPC", "1"))),
            ("preflight", await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/event"))),
            ("tracker", await host.Client.GetAsync("/js/script.js")),
            ("tracker variant", await host.Client.GetAsync("/js/script.outbound-links.file-downloads.hash.js")),
            ("stats API without a key", await host.Client.GetAsync("/api/v1/stats/aggregate?site_id=example.org")),
        };
        foreach (var (what, response) in responses)
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{what}: {(int)response.StatusCode} sets a cookie");
        Assert.Equal(HttpStatusCode.Accepted, responses[0].Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, responses[6].Response.StatusCode);
    }

    [Fact]
    public async Task ABodyArrivingInPiecesAndSpanningBufferSegmentsIsReadWhole()
    {
        // The endpoint parses Kestrel's own buffers: a slow client's body comes in several reads, and a 10 KB one spans
        // more than one pooled segment (4 KB each), which the reader copies. Both with a Content-Length and chunked.
        await using var host = await AnalyticsHost.StartAsync();
        var props = string.Join(",", Enumerable.Range(1, 5).Select(i => $"\"k{i}\":\"{new string((char)('a' + i), 1990)}\""));
        var body = Encoding.UTF8.GetBytes("""{"n":"Big","u":"https://example.org/slow","d":"example.org","p":{""" + props + "}}");
        foreach (var chunked in new[] { false, true })
        {
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
            var stream = tcp.GetStream();
            var head = $"POST /api/event HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\nContent-Type: text/plain\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0\r\n"
                + (chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {body.Length}") + "\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            foreach (var piece in body.Chunk(3000))
            {
                await Task.Delay(50);
                if (chunked) await stream.WriteAsync(Encoding.ASCII.GetBytes($"{piece.Length:x}\r\n"));
                await stream.WriteAsync(piece);
                if (chunked) await stream.WriteAsync("\r\n"u8.ToArray());
            }
            if (chunked) await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            var response = await new StreamReader(stream).ReadToEndAsync();
            Assert.StartsWith("HTTP/1.1 202", response);
        }
        await host.StopAsync();

        var rows = await host.QueryFileAsync("SELECT pathname, len(prop_values[1]), prop_values[5][1] FROM events");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(["/slow", 1990L, "f"], row));
    }

    [Theory]
    [InlineData("not json", """{"errors":{"request":["Unable to parse request body as json"]}}""")]
    [InlineData("[1,2]", """{"errors":{"request":["Unable to parse request body as json"]}}""")]
    [InlineData("""{"n":"pageview","d":"example.org"}""", """{"errors":{"url":["is required"]}}""")]
    [InlineData("""{"n":"pageview","u":"https://example.org/","d":""}""", """{"errors":{"domain":["can't be blank"]}}""")]
    public async Task InvalidBodiesGet400WithTheParsersJson(string body, string expected)
    {
        await using var host = await AnalyticsHost.StartAsync();
        var response = await host.PostAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OtherContentTypesAre415()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var response = await host.PostAsync(Pageview, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task SecGpcIsDroppedAndCountedUnlessSwitchedOff()
    {
        await using (var host = await AnalyticsHost.StartAsync())
        {
            var response = await host.PostAsync(Pageview, configure: r => r.Headers.Add("Sec-GPC", "1"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal("1", response.Headers.GetValues(EventEndpoint.DroppedHeader).Single());
            Assert.Equal(1, host.Services.GetRequiredService<IngestionCounters>().GlobalPrivacyControl);
            await host.StopAsync();
            Assert.Equal(0L, (await host.QueryFileAsync("SELECT count(*) FROM events"))[0][0]);
        }
        await using (var host = await AnalyticsHost.StartAsync(o => o with { HonourGlobalPrivacyControl = false }))
        {
            var response = await host.PostAsync(Pageview, configure: r => r.Headers.Add("Sec-GPC", "1"));
            Assert.False(response.Headers.Contains(EventEndpoint.DroppedHeader));
            await host.StopAsync();
            Assert.Equal(1L, (await host.QueryFileAsync("SELECT count(*) FROM events"))[0][0]);
        }
    }

    [Fact]
    public async Task AFullBufferAnswers503WithRetryAfterAndEverythingAcceptedIsWrittenOnStop()
    {
        var store = new BlockingStore();
        await using var host = await AnalyticsHost.StartAsync(o => o with { Buffer = new EventBufferOptions { Capacity = 2, BatchSize = 1 } }, store);
        // The first event is taken by the write loop, which then blocks in the store; two more fill the queue.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await host.PostAsync(Pageview.Replace("/docs/", "/p" + i + "/", StringComparison.Ordinal))).StatusCode);
            if (i == 0) await store.Entered.Task;
        }
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted], statuses.Take(3));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        var refused = await host.PostAsync(Pageview);
        Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());

        store.Release.SetResult();
        await host.StopAsync();
        Assert.Equal(["/p0/", "/p1/", "/p2/"], store.Appended.Select(e => e.Pathname).Order());
    }

    [Fact]
    public async Task AGracefulStopWritesEveryAcceptedEvent()
    {
        // A long batch delay: nothing would be written before the stop unless the stop flushes.
        await using var host = await AnalyticsHost.StartAsync(o => o with { Buffer = new EventBufferOptions { MaxDelay = TimeSpan.FromHours(1) } });
        var accepted = 0;
        await Parallel.ForAsync(0, 50, async (i, _) =>
        {
            if ((await host.PostAsync(Pageview)).StatusCode == HttpStatusCode.Accepted) Interlocked.Increment(ref accepted);
        });
        Assert.Equal(50, accepted);
        await host.StopAsync();
        Assert.Equal(50L, (await host.QueryFileAsync("SELECT count(*) FROM events"))[0][0]);
    }

    [Fact]
    public async Task CrossOriginPostsAreAllowedWithoutCredentials()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var response = await host.PostAsync(Pageview, configure: r => r.Headers.Add("Origin", "https://elsewhere.example"));
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var preflight = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/event"));
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("Content-Type", preflight.Headers.GetValues("Access-Control-Allow-Headers").Single());
    }

    /// <summary>A store that holds its first write until released, to fill the buffer on purpose.</summary>
    private sealed class BlockingStore : IEventStore
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<StoredEvent> Appended { get; } = [];

        public async Task AppendAsync(IReadOnlyList<StoredEvent> batch, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await Release.Task;
            lock (Appended) Appended.AddRange(batch);
        }

        public Task<long> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult((long)Appended.Count);
        public Task<long> DeleteOlderThanAsync(DateTime cutoffUtc, CancellationToken cancellationToken = default) => throw new NotSupportedException("not used by these tests");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
