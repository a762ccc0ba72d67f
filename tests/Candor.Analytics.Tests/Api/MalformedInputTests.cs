using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Candor.Analytics.Tests.Api;

/// <summary>
/// Hostile and broken requests get a 2xx or a 4xx with a JSON error — never a 500, never another site's data.
/// </summary>
public sealed class MalformedInputTests(StatsApiFixture fixture) : IClassFixture<StatsApiFixture>
{
    public static TheoryData<string> V1Queries() => new()
    {
        "aggregate?site_id=example.org&metrics=",
        "aggregate?site_id=example.org&metrics=,,,",
        "aggregate?site_id=example.org&metrics=visitors&metrics=pageviews",
        "aggregate?site_id=example.org&period=custom&date=",
        "aggregate?site_id=example.org&period=custom&date=,,,",
        "aggregate?site_id=example.org&period=custom&date=0001-01-01,9999-12-31",
        "aggregate?site_id=example.org&period=12mo&date=9999-12-31",
        "aggregate?site_id=example.org&period=30d&date=0001-01-01",
        "aggregate?site_id=example.org&date=2021-02-30",
        "aggregate?site_id=example.org&filters=;;;",
        "aggregate?site_id=example.org&filters===",
        "aggregate?site_id=example.org&filters=!=",
        "aggregate?site_id=example.org&filters=event:page==",
        "aggregate?site_id=example.org&filters=event:page==**********",
        "aggregate?site_id=example.org&filters=event:page==%5B(%7B%5C*",
        "aggregate?site_id=example.org&filters=event:page==%00%01%02",
        "aggregate?site_id=example.org&filters=event:props:%27%3B%20DROP%20TABLE%20events%3B--==x",
        "aggregate?site_id=example.org&filters=visit:country==%27%29%3B",
        "aggregate?site_id=example.org&filters=" + string.Concat(Enumerable.Repeat("event:page==/a;", 200)),
        "aggregate?site_id=example.org&filters=event:page==" + string.Join("|", Enumerable.Range(0, 500)),
        "aggregate?site_id=example.org&compare=previous_period&period=custom&date=2021-01-01,2021-01-01",
        "aggregate?site_id=EXAMPLE.ORG",
        "aggregate?site_id=www.example.org",
        "aggregate?site_id=example.org&site_id=other.org",
        "aggregate?site_id=other.org%00",
        "aggregate?site_id=%27%20OR%201%3D1",
        "timeseries?site_id=example.org&period=day&interval=month",
        "timeseries?site_id=example.org&period=custom&date=1900-01-01,9000-12-31&interval=month",
        "timeseries?site_id=example.org&metrics=bounce_rate,visit_duration,views_per_visit",
        "breakdown?site_id=example.org&property=event:props:%27%29%3B%20DROP%20TABLE%20events%3B--",
        "breakdown?site_id=example.org&property=event:props:plan&metrics=visitors,pageviews,events",
        "breakdown?site_id=example.org&property=event:page&limit=1000&page=99999999999",
        "breakdown?site_id=example.org&property=event:page&limit=%20100",
        "breakdown?site_id=example.org&property=visit:os_version&metrics=time_on_page",
        "breakdown?site_id=example.org&property=event:page&metrics=time_on_page",
        "breakdown?site_id=example.org&property=event:goal",
        "breakdown?site_id=example.org&property=",
        "realtime/visitors?site_id=",
    };

    [Theory]
    [MemberData(nameof(V1Queries))]
    public async Task V1NeverAnswers500(string endpointAndQuery)
    {
        var answer = await fixture.Api.GetAsync("/api/v1/stats/" + endpointAndQuery);
        AssertClean(answer);
    }

    public static TheoryData<string> V2Bodies() => new()
    {
        "",
        "not json",
        "{",
        "null",
        "[]",
        "\"example.org\"",
        "123",
        "{\"site_id\":5}",
        "{\"site_id\":\"example.org\"}",
        "{\"site_id\":\"example.org\",\"metrics\":null,\"date_range\":null}",
        "{\"site_id\":\"example.org\",\"metrics\":[[\"visitors\"]],\"date_range\":\"day\"}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":[\"0001-01-01\",\"9999-12-31\"]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":[\"2021-01-01T00:00:00+03:00\",\"2021-01-01T12:00:00Z\"]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":[\"2021-01-01T00:00:00\",\"garbage\"]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":[1,2]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"dimensions\":[\"event:props:x'); DROP TABLE events; --\"]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"dimensions\":[\"time\",\"time:day\"]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":[\"1900-01-01\",\"9000-12-31\"],\"dimensions\":[\"time:month\"],\"include\":{\"time_labels\":true}}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"percentage\",\"events\",\"time_on_page\"],\"date_range\":\"all\",\"dimensions\":[\"event:page\"]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"filters\":[null]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"filters\":[[\"is\",\"event:page\",[null]]]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"filters\":[[\"is\",\"event:page\",[\"/\"],{\"case_sensitive\":false}]]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"filters\":[[\"or\",[]]]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"filters\":" + string.Concat(Enumerable.Repeat("[\"not\",", 30)) + "[\"is\",\"event:page\",[\"/\"]]" + new string(']', 30) + "]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"filters\":[[\"matches\",\"event:page\",[\"(?=x)\"]]]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"filters\":[[\"matches\",\"event:page\",[\"\\\\1\"]]]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"filters\":[[\"contains\",\"event:props:plan\",[\"%\",\"_\",\"\\\\\"]]]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"order_by\":\"visitors\"}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"order_by\":[[\"visitors\"]]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"pagination\":{\"limit\":1e400}}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"pagination\":{\"offset\":2147483647}}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"pagination\":[]}",
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"include\":[]}",
        "{\"site_id\":\"example.org\",\"site_id\":\"other.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\"}",
        new string('[', 5000) + new string(']', 5000),
        "{\"site_id\":\"example.org\",\"metrics\":[\"visitors\"],\"date_range\":\"all\",\"x\":\"" + new string('a', 70_000) + "\"}",
    };

    [Theory]
    [MemberData(nameof(V2Bodies))]
    public async Task V2NeverAnswers500(string body)
    {
        var answer = await fixture.Api.PostQueryAsync(body);
        AssertClean(answer);
    }

    [Fact]
    public async Task InvalidUtf8AndWrongMethodsAreClean()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/query") { Content = new ByteArrayContent([0x7B, 0xFF, 0xFE, 0x7D]) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Api.Key);
        AssertClean(await fixture.Api.SendAsync(request));
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v2/query");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Api.Key);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await fixture.Api.SendAsync(get)).Status);
        using var weird = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stats/aggregate?site_id=example.org");
        weird.Headers.TryAddWithoutValidation("Authorization", "Bearer " + new string('x', 10_000));
        AssertClean(await fixture.Api.SendAsync(weird));
    }

    private static void AssertClean((HttpStatusCode Status, JsonElement Json, string Body) answer)
    {
        Assert.True((int)answer.Status < 500, $"{(int)answer.Status}: {answer.Body}");
        Assert.DoesNotContain("/secret", answer.Body);
        if ((int)answer.Status >= 400)
            Assert.True(answer.Json.ValueKind == JsonValueKind.Object && answer.Json.TryGetProperty("error", out var error) && error.GetString()!.Length > 0,
                $"{(int)answer.Status} without a JSON error: {answer.Body}");
    }
}
