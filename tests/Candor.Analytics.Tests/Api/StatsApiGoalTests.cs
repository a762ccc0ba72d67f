using System.Net;
using Candor.Analytics.Query;

namespace Candor.Analytics.Tests.Api;

/// <summary>Configured goals (<c>AnalyticsOptions.Goals</c>) in the Stats API: goal filters, goal breakdowns, conversion rate.</summary>
public sealed class StatsApiGoalTests
{
    private static async Task<StatsApiHost> StartAsync()
    {
        var api = await StatsApiHost.StartAsync(configure: o => o with { Goals = [Goal.Event("Signup"), Goal.Page("/blog/*")] });
        await api.SeedAsync(
            StatsApiHost.Pageview(1, 11, "2021-01-01 00:00:00"),
            StatsApiHost.Pageview(1, 11, "2021-01-01 00:25:00", "/blog/first"),
            StatsApiHost.Pageview(1, 11, "2021-01-01 00:26:00", "/join") with { Name = "Signup" },
            StatsApiHost.Pageview(2, 22, "2021-01-01 00:00:00"),
            StatsApiHost.Pageview(3, 33, "2021-01-01 03:00:00"),
            StatsApiHost.Pageview(4, 44, "2021-01-01 04:00:00", "/join") with { Name = "Signup" });
        return api;
    }

    [Fact]
    public async Task V1GoalFilterAndBreakdownWithConversionRate()
    {
        await using var api = await StartAsync();
        var signups = await api.GetAsync("/api/v1/stats/aggregate?site_id=example.org&period=day&date=2021-01-01&metrics=visitors,events,conversion_rate&filters=event:goal==Signup");
        Assert.True(signups.Status == HttpStatusCode.OK, signups.Body);
        Assert.Equal("""{"results":{"visitors":{"value":2},"events":{"value":2},"conversion_rate":{"value":50}}}""", signups.Body);

        var goals = await api.GetAsync("/api/v1/stats/breakdown?site_id=example.org&period=day&date=2021-01-01&property=event:goal&metrics=visitors,conversion_rate");
        Assert.True(goals.Status == HttpStatusCode.OK, goals.Body);
        Assert.Equal("""{"results":[{"goal":"Signup","visitors":2,"conversion_rate":50},{"goal":"Visit /blog/*","visitors":1,"conversion_rate":25}]}""", goals.Body);

        var unknown = await api.GetAsync("/api/v1/stats/aggregate?site_id=example.org&filters=event:goal==Newsletter");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
    }

    [Fact]
    public async Task V2GoalDimension()
    {
        await using var api = await StartAsync();
        var answer = await api.PostQueryAsync("""{"site_id":"example.org","metrics":["visitors","conversion_rate"],"date_range":"day","dimensions":["event:goal"]}""");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.Body);
        Assert.Equal("""[{"dimensions":["Signup"],"metrics":[2,50]},{"dimensions":["Visit /blog/*"],"metrics":[1,25]}]""", answer.Json.GetProperty("results").GetRawText());
    }
}
