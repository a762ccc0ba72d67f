using System.Net;
using System.Text.Json;

namespace Candor.Analytics.Tests.Api;

/// <summary>v1 answers over the seeded data (see <see cref="StatsApiFixture"/>), in Plausible's shapes.</summary>
public sealed class StatsApiV1ResultTests(StatsApiFixture fixture) : IClassFixture<StatsApiFixture>
{
    private const string Day = "site_id=example.org&period=day&date=2021-01-01";

    private async Task<JsonElement> Ok(string pathAndQuery)
    {
        var answer = await fixture.Api.GetAsync(pathAndQuery);
        Assert.True(answer.Status == HttpStatusCode.OK, $"{answer.Status}: {answer.Body}");
        return answer.Json;
    }

    [Fact]
    public async Task AggregateReproducesTheWorkedExample()
    {
        var json = await Ok($"/api/v1/stats/aggregate?{Day}&metrics=pageviews,visits,views_per_visit,visitors,bounce_rate,visit_duration");
        Assert.Equal(
            """{"results":{"pageviews":{"value":3},"visits":{"value":2},"views_per_visit":{"value":1.5},"visitors":{"value":2},"bounce_rate":{"value":50},"visit_duration":{"value":750}}}""",
            json.GetRawText());
        // Without metrics: visitors.
        Assert.Equal("""{"results":{"visitors":{"value":2}}}""", (await Ok($"/api/v1/stats/aggregate?{Day}")).GetRawText());
    }

    [Fact]
    public async Task AggregateComparesWithThePreviousPeriod()
    {
        var json = await Ok($"/api/v1/stats/aggregate?{Day}&metrics=pageviews,visitors,bounce_rate,visit_duration&compare=previous_period");
        var results = json.GetProperty("results");
        Assert.Equal("""{"value":3,"comparison_value":1,"change":200}""", results.GetProperty("pageviews").GetRawText());
        Assert.Equal("""{"value":2,"comparison_value":1,"change":100}""", results.GetProperty("visitors").GetRawText());
        Assert.Equal("""{"value":50,"comparison_value":100,"change":-50}""", results.GetProperty("bounce_rate").GetRawText());
        Assert.Equal("""{"value":750,"comparison_value":0,"change":100}""", results.GetProperty("visit_duration").GetRawText());
    }

    [Fact]
    public async Task AComparisonWithNothingBeforeFollowsTheChangeRules()
    {
        // 2020-12-31 has C's single bounce; the day before it has nothing.
        var json = await Ok("/api/v1/stats/aggregate?site_id=example.org&period=day&date=2020-12-31&metrics=visitors,bounce_rate&compare=previous_period");
        Assert.Equal("""{"results":{"visitors":{"value":1,"comparison_value":0,"change":100},"bounce_rate":{"value":100,"comparison_value":0,"change":null}}}""", json.GetRawText());
    }

    [Fact]
    public async Task TimeseriesForADayHas24ZeroFilledHourlyRows()
    {
        var results = (await Ok($"/api/v1/stats/timeseries?{Day}&metrics=visitors,pageviews")).GetProperty("results");
        Assert.Equal(24, results.GetArrayLength());
        Assert.Equal("""{"date":"2021-01-01 00:00:00","visitors":2,"pageviews":3}""", results[0].GetRawText());
        Assert.Equal("""{"date":"2021-01-01 01:00:00","visitors":0,"pageviews":0}""", results[1].GetRawText());
        Assert.Equal("2021-01-01 23:00:00", results[23].GetProperty("date").GetString());
        // other.org's 05:00 visit is not example.org's.
        Assert.Equal(0, results[5].GetProperty("visitors").GetInt32());
    }

    [Fact]
    public async Task TimeseriesByDayAndMonth()
    {
        // 7d: the seven full days before the date (Plausible's current rule, shared with the dashboard).
        var week = (await Ok("/api/v1/stats/timeseries?site_id=example.org&period=7d&date=2021-01-02")).GetProperty("results");
        Assert.Equal(7, week.GetArrayLength());
        Assert.Equal("""{"date":"2020-12-26","visitors":0}""", week[0].GetRawText());
        Assert.Equal("""{"date":"2020-12-31","visitors":1}""", week[5].GetRawText());
        Assert.Equal("""{"date":"2021-01-01","visitors":2}""", week[6].GetRawText());

        var months = (await Ok("/api/v1/stats/timeseries?site_id=example.org&period=6mo&date=2021-02-15")).GetProperty("results");
        Assert.Equal(["2020-08-01", "2020-09-01", "2020-10-01", "2020-11-01", "2020-12-01", "2021-01-01"], months.EnumerateArray().Select(r => r.GetProperty("date").GetString()));
        Assert.Equal(1, months[4].GetProperty("visitors").GetInt32());
        Assert.Equal(3, months[5].GetProperty("visitors").GetInt32()); // A, B and E
        var daily = (await Ok("/api/v1/stats/timeseries?site_id=example.org&period=custom&date=2020-12-31,2021-01-01&interval=date")).GetProperty("results");
        Assert.Equal("""[{"date":"2020-12-31","visitors":1},{"date":"2021-01-01","visitors":2}]""", daily.GetRawText());
    }

    [Fact]
    public async Task BreakdownRowsAreKeyedByTheShortPropertyName()
    {
        Assert.Equal("""{"results":[{"page":"/","visitors":2,"pageviews":2},{"page":"/blog/first","visitors":1,"pageviews":1}]}""",
            (await Ok($"/api/v1/stats/breakdown?{Day}&property=event:page&metrics=visitors,pageviews")).GetRawText());
        Assert.Equal("""{"results":[{"source":"Direct / None","visitors":1,"bounce_rate":0},{"source":"Google","visitors":1,"bounce_rate":100}]}""",
            (await Ok($"/api/v1/stats/breakdown?{Day}&property=visit:source&metrics=visitors,bounce_rate")).GetRawText());
        Assert.Equal("""{"results":[{"country":"DE","visitors":1},{"country":"FR","visitors":1}]}""",
            (await Ok($"/api/v1/stats/breakdown?{Day}&property=visit:country")).GetRawText());
        // Visitor E's unknown country is left out, as Plausible's v1 does; E still counts in other breakdowns.
        Assert.Equal("""{"results":[{"country":"DE","visitors":1},{"country":"FR","visitors":1}]}""",
            (await Ok("/api/v1/stats/breakdown?site_id=example.org&period=custom&date=2021-01-01,2021-01-02&property=visit:country")).GetRawText());
        Assert.Equal("""{"results":[{"page":"/","visitors":3},{"page":"/blog/first","visitors":1}]}""",
            (await Ok("/api/v1/stats/breakdown?site_id=example.org&period=custom&date=2021-01-01,2021-01-02&property=event:page")).GetRawText());
        Assert.Equal("""{"results":[{"browser":"Chrome","browser_version":"130.0","visitors":1},{"browser":"Firefox","browser_version":"133.0","visitors":1}]}""",
            (await Ok($"/api/v1/stats/breakdown?{Day}&property=visit:browser_version")).GetRawText());
        Assert.Equal("""{"results":[{"entry_page":"/","visits":2}]}""",
            (await Ok($"/api/v1/stats/breakdown?{Day}&property=visit:entry_page&metrics=visits")).GetRawText());
    }

    [Fact]
    public async Task BreakdownPagesWithLimitAndPage()
    {
        var first = (await Ok($"/api/v1/stats/breakdown?{Day}&property=event:page&limit=1")).GetProperty("results");
        var second = (await Ok($"/api/v1/stats/breakdown?{Day}&property=event:page&limit=1&page=2")).GetProperty("results");
        var beyond = (await Ok($"/api/v1/stats/breakdown?{Day}&property=event:page&limit=1000&page=2147483647")).GetProperty("results");
        Assert.Equal("""[{"page":"/","visitors":2}]""", first.GetRawText());
        Assert.Equal("""[{"page":"/blog/first","visitors":1}]""", second.GetRawText());
        Assert.Equal(0, beyond.GetArrayLength());
    }

    [Theory]
    [InlineData("event:page==/blog/*", 1, 1)]
    [InlineData("event:page==/blog/**", 1, 1)]
    [InlineData("event:page!=/blog/*", 2, 2)]
    [InlineData("event:page==/|/blog/first", 2, 3)]
    [InlineData("visit:country!=DE|FR", 0, 0)]
    [InlineData("visit:country==FR", 1, 1)]
    [InlineData("visit:country!=FR", 1, 2)]
    [InlineData("visit:source==Google;visit:country==FR", 1, 1)]
    [InlineData("visit:source==Google;visit:country==DE", 0, 0)]
    [InlineData("visit:source==Direct / None", 1, 2)]
    [InlineData("visit:browser==Firefox;event:page==/", 1, 1)]
    [InlineData("event:page==/' OR 1=1 --", 0, 0)]
    public async Task V1FiltersSelectTheRightVisitors(string filters, int visitors, int pageviews)
    {
        var json = await Ok($"/api/v1/stats/aggregate?{Day}&metrics=visitors,pageviews&filters={Uri.EscapeDataString(filters)}");
        Assert.Equal(visitors, json.GetProperty("results").GetProperty("visitors").GetProperty("value").GetInt32());
        Assert.Equal(pageviews, json.GetProperty("results").GetProperty("pageviews").GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task RealtimeIsABareIntegerOfTheLastFiveMinutes()
    {
        // Its own host: the events it adds must not change the shared day.
        await using var api = await StatsApiHost.StartAsync();
        var answer = await api.GetAsync("/api/v1/stats/realtime/visitors?site_id=example.org");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("0", answer.Body);
        await api.SeedAsync(StatsApiHost.Pageview(9, 99, "2021-01-01 11:58:00", "/now"), StatsApiHost.Pageview(8, 88, "2021-01-01 11:50:00", "/earlier"),
            StatsApiHost.Pageview(7, 77, "2021-01-01 11:59:00", "/", site: "other.org"));
        Assert.Equal("1", (await api.GetAsync("/api/v1/stats/realtime/visitors?site_id=example.org")).Body);
    }

    [Fact]
    public async Task AnotherSitesDataNeverShows()
    {
        var pages = await Ok("/api/v1/stats/breakdown?site_id=example.org&period=custom&date=2020-01-01,2021-12-31&property=event:page&limit=1000");
        Assert.DoesNotContain("/secret", pages.GetRawText());
        var other = await fixture.Api.GetAsync("/api/v1/stats/breakdown?site_id=other.org&period=day&date=2021-01-01&property=event:page", fixture.Api.OtherSiteKey);
        Assert.Equal("""{"results":[{"page":"/secret","visitors":1}]}""", other.Json.GetRawText());
    }
}
