using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Candor.Analytics.Endpoint;
using Candor.Analytics.Ingestion;
using Candor.Analytics.Tests.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Analytics.Tests.Endpoint;

/// <summary>
/// Bad input against the running endpoint (real Kestrel, real DuckDB file): every malformed body, wrong type and wrong
/// content type is a 400, 413 or 415 with Plausible's error JSON — never a 500 — and the server keeps going: the
/// events it accepted before the corpus (and after) are all in the file once it stops.
/// </summary>
public sealed class BadInputEndpointTests
{
    private const string NotJson = """{"errors":{"request":["Unable to parse request body as json"]}}""";
    private const string TooLarge = """{"errors":{"request":["Request body is too large"]}}""";
    private const string WrongType = """{"errors":{"request":["Content-Type must be text/plain or application/json"]}}""";

    private static string Invalid(string field, string message) => $$$"""{"errors":{"{{{field}}}":["{{{message}}}"]}}""";

    /// <summary>Label, body, expected status and the exact error JSON.</summary>
    public static IEnumerable<(string Label, byte[] Body, HttpStatusCode Status, string Json)> Corpus()
    {
        (string, byte[], HttpStatusCode, string) Bad(string label, string body, string json) => (label, Encoding.UTF8.GetBytes(body), HttpStatusCode.BadRequest, json);
        const string U = "\"u\":\"https://example.org/\"";

        // Not a JSON object.
        yield return Bad("empty body", "", NotJson);
        yield return Bad("form encoding", "n=pageview&u=https://example.org/", NotJson);
        yield return Bad("array of events", $$"""[{"n":"pageview",{{U}}}]""", NotJson);
        yield return Bad("bare string", "\"pageview\"", NotJson);
        yield return Bad("null", "null", NotJson);
        yield return Bad("truncated", """{"n":"pageview","u":"https://exa""", NotJson);
        yield return Bad("two objects", $$"""{"n":"a",{{U}}}{"n":"b",{{U}}}""", NotJson);
        yield return Bad("10k nested arrays", new string('[', 10_000) + new string(']', 10_000), NotJson);
        yield return Bad("10k nested objects in props", $$"""{"n":"x",{{U}},"p":""" + string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_001), NotJson);
        yield return ("invalid UTF-8 in a string", [.. "{\"n\":\""u8, 0xC3, 0x28, .. "\",\"u\":\"https://example.org/\"}"u8], HttpStatusCode.BadRequest, NotJson);
        yield return ("invalid UTF-8 bytes outside strings", [0xFF, 0xFE, (byte)'{', (byte)'}'], HttpStatusCode.BadRequest, NotJson);
        yield return ("UTF-16 body", Encoding.Unicode.GetBytes($$"""{"n":"x",{{U}}}"""), HttpStatusCode.BadRequest, NotJson);
        yield return Bad("lone surrogate escape", $$"""{"n":"\ud800",{{U}}}""", NotJson);

        // Huge strings (under the 1 MB body limit).
        yield return Bad("900 KB name", $$"""{"n":"{{new string('a', 900_000)}}",{{U}}}""", Invalid("event_name", "should be at most 120 character(s)"));
        yield return Bad("900 KB url", $$"""{"n":"x","u":"https://example.org/{{new string('a', 900_000)}}"}""", Invalid("url", "must be a valid url"));
        yield return Bad("900 KB prop value", $$$"""{"n":"x",{{{U}}},"p":{"k":"{{{new string('v', 900_000)}}}"}}""", Invalid("props", "keys should have at most 300 bytes and values 2000 bytes"));
        yield return Bad("400 byte prop key", $$$"""{"n":"x",{{{U}}},"p":{"{{{new string('k', 400)}}}":"v"}}""", Invalid("props", "keys should have at most 300 bytes and values 2000 bytes"));

        // Wrong types, field by field (short and long names).
        foreach (var name in new[] { "{}", "[]", "true", "1.5", "[\"pageview\"]" })
            yield return Bad($"name {name}", $$"""{"n":{{name}},{{U}}}""", Invalid("event_name", "is invalid"));
        yield return Bad("name null", $$"""{"n":null,{{U}}}""", Invalid("event_name", "can't be blank"));
        yield return Bad("name blank", $$"""{"name":"  ",{{U}}}""", Invalid("event_name", "can't be blank"));
        foreach (var url in new[] { "5", "{}", "[\"https://example.org/\"]", "true" })
            yield return Bad($"url {url}", $$"""{"n":"x","u":{{url}}}""", Invalid("url", "is invalid"));
        yield return Bad("url missing", """{"n":"x","d":"example.org"}""", Invalid("url", "is required"));
        yield return Bad("url relative", """{"n":"x","url":"/docs/"}""", Invalid("url", "must be a valid url"));
        yield return Bad("url relative with a domain", """{"n":"x","u":"/docs/","d":"example.org"}""", Invalid("url", "must be a valid url"));
        yield return Bad("url without scheme", """{"n":"x","u":"example.org/docs/","d":"example.org"}""", Invalid("url", "must be a valid url"));
        yield return Bad("url data:", """{"n":"x","u":"data:text/plain,hi"}""", Invalid("url", "scheme is not allowed"));
        foreach (var domain in new[] { "5", "[\"example.org\"]", "{}", "false" })
            yield return Bad($"domain {domain}", $$"""{"n":"x",{{U}},"d":{{domain}}}""", Invalid("domain", "is invalid"));
        yield return Bad("domain blank list", $$"""{"n":"x",{{U}},"domain":" , "}""", Invalid("domain", "can't be blank"));
        foreach (var referrer in new[] { "5", "{}", "[]", "true" })
            yield return Bad($"referrer {referrer}", $$"""{"n":"x",{{U}},"r":{{referrer}}}""", Invalid("referrer", "is invalid"));
        foreach (var interactive in new[] { "\"no\"", "0", "{}" })
            yield return Bad($"interactive {interactive}", $$"""{"n":"x",{{U}},"i":{{interactive}}}""", Invalid("interactive", "is invalid"));
        yield return Bad("engagement without sd or e", $$"""{"n":"engagement",{{U}}}""", Invalid("engagement", "sd or e is required"));
        foreach (var sd in new[] { "\"50\"", "-1", "1.5", "1e400" })
            yield return Bad($"sd {sd}", $$"""{"n":"engagement",{{U}},"sd":{{sd}}}""", Invalid("sd", "is invalid"));
        foreach (var e in new[] { "[1]", "-5", "2592000000" })
            yield return Bad($"e {e}", $$"""{"n":"engagement",{{U}},"e":{{e}}}""", Invalid("e", "is invalid"));

        // Over the body limit (sent with a Content-Length here; chunked is below).
        yield return ("1 MB + 1 body", Encoding.UTF8.GetBytes($$$"""{"n":"x",{{{U}}},"p":{"a":"{{{new string('a', EventRequestParser.DefaultMaxBodyBytes)}}}"}}"""),
            HttpStatusCode.RequestEntityTooLarge, TooLarge);
    }

    [Fact]
    public async Task The_corpus_gets_400_413_or_415_with_the_references_messages_and_accepted_events_stay_stored()
    {
        await using var host = await AnalyticsHost.StartAsync();
        var accepted = await SendValidAsync(host, "before", 25);

        var failures = new List<string>();
        foreach (var (label, body, status, json) in Corpus())
        {
            var response = await host.Client.SendAsync(Post(new ByteArrayContent(body), "text/plain"));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != status || text != json)
                failures.Add($"{label}: {(int)response.StatusCode} {Shorten(text)} (expected {(int)status} {json})");
        }

        // Wrong content types: refused before the body is read.
        foreach (var type in new[] { "application/xml", "text/html", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "image/png" })
        {
            var response = await host.Client.SendAsync(Post(new StringContent("""{"n":"x","u":"https://example.org/"}"""), type));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.UnsupportedMediaType || text != WrongType)
                failures.Add($"content type {type}: {(int)response.StatusCode} {text}");
        }

        // Over the limit without a Content-Length: cut off while reading.
        var chunked = Post(new StreamContent(new MemoryStream(new byte[EventRequestParser.DefaultMaxBodyBytes + 4096])), "text/plain");
        chunked.Headers.TransferEncodingChunked = true;
        var chunkedResponse = await host.Client.SendAsync(chunked);
        if (chunkedResponse.StatusCode != HttpStatusCode.RequestEntityTooLarge || await chunkedResponse.Content.ReadAsStringAsync() != TooLarge)
            failures.Add($"chunked 1 MB + 4 KB: {(int)chunkedResponse.StatusCode}");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        accepted += await SendValidAsync(host, "after", 5);
        Assert.Equal(accepted, host.Services.GetRequiredService<IngestionCounters>().Accepted);
        await host.StopAsync();

        var rows = await host.QueryFileAsync("SELECT count(*), count(*) FILTER (WHERE pathname LIKE '/before/%'), count(*) FILTER (WHERE pathname LIKE '/after/%') FROM events");
        Assert.Equal([30L, 25L, 5L], rows.Single());
    }

    [Fact]
    public async Task Wrong_types_for_props_and_hash_mode_are_ignored_as_Plausible_does()
    {
        await using var host = await AnalyticsHost.StartAsync();
        foreach (var extra in new[] { "\"p\":[1,2]", "\"props\":5", "\"m\":\"not json\"", "\"h\":\"yes\"", "\"hashMode\":{}" })
        {
            var response = await host.Client.SendAsync(Post(new StringContent($$"""{"n":"x","u":"https://example.org/a#frag","d":"example.org",{{extra}}}"""), "text/plain"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        await host.StopAsync();
        var rows = await host.QueryFileAsync("SELECT DISTINCT pathname, len(prop_keys) FROM events");
        Assert.Equal([["/a", 0]], rows.Select(r => new object?[] { r[0], Convert.ToInt32(r[1]) }));
    }

    private static async Task<int> SendValidAsync(AnalyticsHost host, string folder, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var response = await host.PostAsync($$"""{"n":"pageview","u":"https://example.org/{{folder}}/{{i}}","d":"example.org"}""");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.False(response.Headers.Contains(EventEndpoint.DroppedHeader));
        }
        return count;
    }

    private static HttpRequestMessage Post(HttpContent content, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/event") { Content = content };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36");
        return request;
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;

    /// <summary>The parser-level corpus is still covered here through HTTP: each is a 400 or 413 with error JSON.</summary>
    [Fact]
    public async Task The_parser_corpus_through_http_is_never_a_500()
    {
        await using var host = await AnalyticsHost.StartAsync();
        foreach (var row in MalformedBodyTests.Corpus())
        {
            var (label, body) = ((string)row[0], (byte[])row[1]);
            var response = await host.Client.SendAsync(Post(new ByteArrayContent(body), "application/json"));
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{label}: {(int)response.StatusCode}");
            Assert.StartsWith("{\"errors\":{", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
