using System.Net;
using System.Text.Json;

namespace Candor.Analytics.Tests.Api;

/// <summary><c>POST /api/v2/query</c> over the seeded data (see <see cref="StatsApiFixture"/>): shapes and Plausible's errors.</summary>
public sealed class StatsApiV2Tests(StatsApiFixture fixture) : IClassFixture<StatsApiFixture>
{
    private async Task<JsonElement> Ok(string body)
    {
        var answer = await fixture.Api.PostQueryAsync(body);
        Assert.True(answer.Status == HttpStatusCode.OK, $"{answer.Status}: {answer.Body}");
        return answer.Json;
    }

    private static string Query(string rest) => $$"""{"site_id":"example.org",{{rest}}}""";

    [Fact]
    public async Task AggregateReproducesTheWorkedExampleAndEchoesTheQuery()
    {
        var json = await Ok(Query("""  "metrics":["pageviews","visitors","visits","views_per_visit","bounce_rate","visit_duration"],"date_range":["2021-01-01","2021-01-01"] """));
        Assert.Equal("""[{"dimensions":[],"metrics":[3,2,2,1.5,50,750]}]""", json.GetProperty("results").GetRawText());
        Assert.Equal("{}", json.GetProperty("meta").GetRawText());
        Assert.Equal(
            """{"site_id":"example.org","metrics":["pageviews","visitors","visits","views_per_visit","bounce_rate","visit_duration"],"date_range":["2021-01-01T00:00:00Z","2021-01-01T23:59:59Z"],"dimensions":[],"filters":[],"include":{"imports":false,"time_labels":false,"total_rows":false},"pagination":{"limit":10000,"offset":0}}""",
            json.GetProperty("query").GetRawText());
        // "day" is today by the server's clock (2021-01-01 here).
        Assert.Equal("""[{"dimensions":[],"metrics":[2]}]""", (await Ok(Query(""" "metrics":["visitors"],"date_range":"day" """))).GetProperty("results").GetRawText());
    }

    [Fact]
    public async Task DimensionsOrderAndPagination()
    {
        var pages = await Ok(Query(""" "metrics":["visitors","pageviews"],"date_range":["2020-12-31","2021-01-01"],"dimensions":["event:page"],"include":{"total_rows":true},"pagination":{"limit":1,"offset":0} """));
        Assert.Equal("""[{"dimensions":["/"],"metrics":[3,3]}]""", pages.GetProperty("results").GetRawText());
        Assert.Equal("""{"total_rows":2}""", pages.GetProperty("meta").GetRawText());

        var ascending = await Ok(Query(""" "metrics":["visitors"],"date_range":["2020-12-31","2021-01-01"],"dimensions":["visit:country","visit:browser"],"order_by":[["visitors","asc"],["visit:country","desc"]] """));
        Assert.Equal("""[{"dimensions":["FR","Chrome"],"metrics":[1]},{"dimensions":["DE","Firefox"],"metrics":[2]}]""", ascending.GetProperty("results").GetRawText());
        Assert.Equal("""[["visitors","asc"],["visit:country","desc"]]""", ascending.GetProperty("query").GetProperty("order_by").GetRawText());
    }

    [Fact]
    public async Task TimeDimensionsAndTimeLabels()
    {
        var hours = await Ok(Query(""" "metrics":["visitors"],"date_range":"day","dimensions":["time:hour"],"include":{"time_labels":true} """));
        Assert.Equal("""[{"dimensions":["2021-01-01 00:00:00"],"metrics":[2]}]""", hours.GetProperty("results").GetRawText());
        var labels = hours.GetProperty("meta").GetProperty("time_labels");
        Assert.Equal(24, labels.GetArrayLength());
        Assert.Equal("2021-01-01 23:00:00", labels[23].GetString());

        var days = await Ok(Query(""" "metrics":["visitors"],"date_range":["2020-12-30","2021-01-01"],"dimensions":["time"],"include":{"time_labels":true} """));
        Assert.Equal("""[{"dimensions":["2020-12-31"],"metrics":[1]},{"dimensions":["2021-01-01"],"metrics":[2]}]""", days.GetProperty("results").GetRawText());
        Assert.Equal("""["2020-12-30","2020-12-31","2021-01-01"]""", days.GetProperty("meta").GetProperty("time_labels").GetRawText());

        var all = await Ok(Query(""" "metrics":["visitors"],"date_range":"all","dimensions":["time:month"],"include":{"time_labels":true} """));
        Assert.Equal("""["2020-12-01","2021-01-01"]""", all.GetProperty("meta").GetProperty("time_labels").GetRawText());
    }

    [Theory]
    [InlineData("""["is","visit:country",["DE"]]""", 2)]
    [InlineData("""["is_not","visit:country",["DE"]]""", 1)]
    [InlineData("""["contains","event:page",["blog"]]""", 1)]
    [InlineData("""["contains_not","event:page",["blog"]]""", 3)]
    [InlineData("""["matches","event:page",["^/blog/.+$"]]""", 1)]
    [InlineData("""["not",["is","visit:country",["DE"]]]""", 1)]
    [InlineData("""["or",[["is","visit:country",["DE"]],["is","visit:country",["FR"]]]]""", 3)]
    [InlineData("""["and",[["is","visit:country",["DE"]],["is","event:page",["/"]]]]""", 2)]
    [InlineData("""["not",["or",[["is","visit:country",["DE"]],["is","visit:browser",["Chrome"]]]]]""", 0)]
    [InlineData("""["is","visit:source",["x'); DROP TABLE events; --"]]""", 0)]
    public async Task FiltersIncludingAndOrNot(string filter, int visitors)
    {
        var json = await Ok(Query($$""" "metrics":["visitors"],"date_range":["2020-12-31","2021-01-01"],"filters":[{{filter}}] """));
        Assert.Equal(visitors, json.GetProperty("results")[0].GetProperty("metrics")[0].GetInt32());
        Assert.Equal($"[{filter}]", json.GetProperty("query").GetProperty("filters").GetRawText());
    }

    [Theory]
    [InlineData(""" "metrics":["visitors","baa"],"date_range":"all" """, "#/metrics/1: Invalid metric \"baa\"")]
    [InlineData(""" "metrics":["visitors",5],"date_range":"all" """, "#/metrics/1: Invalid metric 5")]
    [InlineData(""" "metrics":[],"date_range":"all" """, "#/metrics: Expected a minimum of 1 items but got 0.")]
    [InlineData(""" "metrics":"visitors","date_range":"all" """, "#/metrics: Type mismatch. Expected Array but got String.")]
    [InlineData(""" "metrics":["views_per_visit","visitors","visitors"],"date_range":"all" """, "#/metrics: Expected items to be unique but they were not.")]
    [InlineData(""" "metrics":["visitors"],"date_range":"bad_period","dimensions":["event:name"] """, "#/date_range: Invalid date range \"bad_period\"")]
    [InlineData(""" "metrics":["visitors"],"date_range":["2021-02-01","2021-01-01"] """, "#/date_range: Invalid date range [\"2021-02-01\", \"2021-01-01\"]")]
    [InlineData(""" "metrics":["visitors"],"date_range":["2021-01-01"] """, "#/date_range: Invalid date range [\"2021-01-01\"]")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","dimensions":["badproperty"] """, "#/dimensions/0: Invalid dimension \"badproperty\"")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","dimensions":["event:props:"] """, "#/dimensions/0: Invalid dimension \"event:props:\"")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","dimensions":["event:page","event:page"] """, "#/dimensions: Expected items to be unique but they were not.")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","filters":[["is","visit:foo",["a"]]] """, "#/filters/0: Invalid filter [\"is\", \"visit:foo\", [\"a\"]]")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","filters":[["equals","event:page",["/"]]] """, "#/filters/0: Invalid filter [\"equals\", \"event:page\", [\"/\"]]")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","filters":[["is","event:page",[]]] """, "#/filters/0: Invalid filter [\"is\", \"event:page\", []]")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","filters":[["is","event:page",[1]]] """, "#/filters/0: Invalid filter [\"is\", \"event:page\", [1]]")]
    [InlineData(""" "metrics":["pageviews"],"date_range":"all","filters":[["is","visit:country",["USA"]]] """, "Invalid visit:country filter, visit:country needs to be a valid 2-letter country code.")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","filters":[["not",["is","event:goal",["Signup"]]]] """, "Invalid filters. Dimension `event:goal` can only be filtered at the top level.")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","filters":[["is","event:goal",["Signup"]]] """, "The goal `Signup` is not configured for this site. Find out how to configure goals here: https://plausible.io/docs/stats-api#filtering-by-goals")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","filters":[["matches","event:page",["(unclosed"]]] """, "#/filters/0: Invalid regular expression \"(unclosed\"")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","order_by":[["visitors","sideways"]] """, "#/order_by/0: Invalid value in order_by [\"visitors\", \"sideways\"]")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","order_by":[["pageviews","desc"]] """, "Invalid order_by entry '{:pageviews, :desc}'. Entry is not a queried metric or dimension.")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","order_by":[["event:page","asc"]] """, "Invalid order_by entry '{\"event:page\", :asc}'. Entry is not a queried metric or dimension.")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","include":{"time_labels":true} """, "Invalid include.time_labels: requires a time dimension.")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","include":{"total_rows":"yes"} """, "#/include/total_rows: Type mismatch. Expected Boolean but got String.")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","include":{"everything":true} """, "#/include/everything: Schema does not allow additional properties.")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","pagination":{"limit":0} """, "#/pagination/limit: Expected the value to be >= 1")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","pagination":{"limit":100000000000} """, "#/pagination/limit: Expected the value to be <= 10000")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","pagination":{"offset":-1} """, "#/pagination/offset: Expected the value to be >= 0")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","pagination":{"limit":1.5} """, "#/pagination/limit: Type mismatch. Expected Integer but got Number.")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","dimension":["event:page"] """, "#/dimension: Schema does not allow additional properties.")]
    [InlineData(""" "date_range":"all" """, "#: Required property metrics was not present.")]
    [InlineData(""" "metrics":["conversion_rate"],"date_range":"all","dimensions":["event:page"] """, "Metric `conversion_rate` can only be queried with event:goal filters or dimensions.")]
    [InlineData(""" "metrics":["views_per_visit"],"date_range":"all","filters":[["is","event:page",["/something"]]] """, "Metric `views_per_visit` cannot be queried with a filter on `event:page`.")]
    [InlineData(""" "metrics":["views_per_visit"],"date_range":"all","dimensions":["event:name"] """, "Metric `views_per_visit` cannot be queried with `dimensions`.")]
    [InlineData(""" "metrics":["visitors","bounce_rate"],"date_range":"all","dimensions":["event:name"] """, "Session metric(s) `bounce_rate` cannot be queried along with event dimensions.")]
    [InlineData(""" "metrics":["visitors"],"date_range":"all","filters":[["or",[["is","visit:country",["DE"]],["is","visit:browser",["Chrome"]]]]] """,
        "#/filters/0: Candor combines filters with `or` only when they are alternatives on one dimension with the same operator (is, contains or matches), e.g. [\"or\", [[\"is\", \"visit:country\", [\"DE\"]], [\"is\", \"visit:country\", [\"FR\"]]]]")]
    public async Task BadQueriesAre400WithPlausiblesText(string rest, string message)
    {
        var answer = await fixture.Api.PostQueryAsync(Query(rest));
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, StatsApiHost.Error(answer));
    }

    [Fact]
    public async Task MissingFieldsAreListedTogether()
    {
        var answer = await fixture.Api.PostQueryAsync(Query(""" "dimensions":[] """));
        Assert.Equal("#: Required properties metrics, date_range were not present.", StatsApiHost.Error(answer));
    }
}
