using System.Net;

namespace Candor.EndToEnd.Tests;

/// <summary>
/// Browsers offer compression on every analytics beacon. The whole server (not the analytics part alone) must answer
/// events with the plain 2-byte "ok" — compressing it costs an encoder per event and makes it longer — while the
/// tracker script and pages beside it are still compressed.
/// </summary>
public sealed class EventAnswerCompressionTests
{
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
