using System.Net;

namespace Candor.EndToEnd.Tests;

/// <summary>
/// What the whole server (not the analytics part alone) puts around an event's answer. Browsers offer compression on
/// every beacon: the 2-byte "ok" goes out plain — compressing it costs an encoder per event and makes it longer —
/// while the tracker script and pages beside it are still compressed. The answer is data, never a document: a strict
/// policy of its own and none of the document-only headers, while pages keep theirs.
/// </summary>
public sealed class EventAnswerHeadersTests
{
    [Fact]
    public async Task Event_answers_carry_the_data_policy_and_pages_the_document_one()
    {
        await using var site = AnalyticsTestSite.Create("event-headers", (src, _) =>
            File.WriteAllText(Path.Combine(src, "index.html"), "---\n---\n<!doctype html><title>home</title>\n"));
        await site.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(site.Origin) };

        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/event")
        {
            Content = new StringContent("""{"n":"pageview","u":"https://example.org/","d":"example.org"}"""),
        };
        post.Headers.UserAgent.ParseAdd(AnalyticsTestSite.DesktopUserAgent);
        using var answer = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal(["default-src 'none'; frame-ancestors 'none'"], answer.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(["nosniff"], answer.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["DENY"], answer.Headers.GetValues("X-Frame-Options"));
        Assert.False(answer.Headers.Contains("Permissions-Policy"));
        Assert.False(answer.Headers.Contains("Referrer-Policy"));

        // A malformed event is answered on the same path: the same data headers.
        using var bad = await http.PostAsync("/api/event", new StringContent("not json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["default-src 'none'; frame-ancestors 'none'"], bad.Headers.GetValues("Content-Security-Policy"));

        using var page = await http.GetAsync("/");
        Assert.Contains("default-src 'self'", string.Join(",", page.Headers.GetValues("Content-Security-Policy")));
        Assert.True(page.Headers.Contains("Permissions-Policy"));
        Assert.Equal(["same-origin"], page.Headers.GetValues("Referrer-Policy"));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Event_answers_are_never_compressed_and_the_tracker_script_still_is(string encoding)
    {
        await using var site = AnalyticsTestSite.Create("event-compression", (src, _) =>
            File.WriteAllText(Path.Combine(src, "index.html"), "---\n---\n<!doctype html><title>home</title>\n" + new string('x', 2000)));
        await site.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(site.Origin) };

        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/event")
        {
            Content = new StringContent("""{"n":"pageview","u":"https://example.org/","d":"example.org"}"""),
        };
        post.Headers.UserAgent.ParseAdd(AnalyticsTestSite.DesktopUserAgent);
        post.Headers.AcceptEncoding.ParseAdd(encoding);
        using var answer = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Empty(answer.Content.Headers.ContentEncoding);
        Assert.Equal("ok", await answer.Content.ReadAsStringAsync());

        foreach (var path in new[] { "/js/script.js", "/" })
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, path);
            get.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await http.SendAsync(get);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        }
    }
}
