using System.Net;
using Candor.Analytics.Api;
using Candor.Analytics.Api.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Analytics.Tests.Api;

/// <summary>Keys, sites and the rate limit, checked in Plausible's order with its texts, on v1 and v2.</summary>
public sealed class StatsApiAuthTests
{
    private const string Aggregate = "/api/v1/stats/aggregate?site_id=example.org&metrics=pageviews";
    private const string QueryBody = """{"site_id":"example.org","metrics":["visitors"],"date_range":"day"}""";

    [Fact]
    public async Task NoBearerTokenIs401WithPlausiblesText()
    {
        await using var api = await StatsApiHost.StartAsync();
        foreach (var path in new[] { Aggregate, "/api/v1/stats/realtime/visitors?site_id=example.org", "/api/v1/stats/timeseries?site_id=example.org", "/api/v1/stats/breakdown?site_id=example.org" })
        {
            var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
            Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
            Assert.Equal("Missing API key. Please use a valid Plausible API key as a Bearer Token.", StatsApiHost.Error(answer));
        }
        var basic = new HttpRequestMessage(HttpMethod.Post, "/api/v2/query") { Content = new StringContent(QueryBody) };
        basic.Headers.TryAddWithoutValidation("Authorization", "Basic " + api.Key);
        var v2 = await api.SendAsync(basic);
        Assert.Equal(HttpStatusCode.Unauthorized, v2.Status);
        Assert.Equal(ApiAuthorization.MissingKey, StatsApiHost.Error(v2));
    }

    [Fact]
    public async Task AnUnknownKeyAnotherSitesKeyAndAnUnconfiguredSiteGetTheSame401()
    {
        await using var api = await StatsApiHost.StartAsync();
        var badKey = await api.GetAsync(Aggregate, key: "Bad key");
        var otherSite = await api.GetAsync(Aggregate, key: api.OtherSiteKey);
        var unconfigured = await api.GetAsync("/api/v1/stats/aggregate?site_id=stranger.net&metrics=pageviews");
        var v2OtherSite = await api.PostQueryAsync(QueryBody, key: api.OtherSiteKey);
        foreach (var answer in new[] { badKey, otherSite, unconfigured, v2OtherSite })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
            Assert.Equal("Invalid API key or site ID. Please make sure you're using a valid API key with access to the site you've requested.", StatsApiHost.Error(answer));
        }
    }

    [Fact]
    public async Task AGoodKeyWithoutASiteIdIs400()
    {
        await using var api = await StatsApiHost.StartAsync();
        var v1 = await api.GetAsync("/api/v1/stats/aggregate?metrics=pageviews");
        var v2 = await api.PostQueryAsync("""{"metrics":["visitors"],"date_range":"day"}""");
        foreach (var answer in new[] { v1, v2 })
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Equal("Missing site ID. Please provide the required site_id parameter with your request.", StatsApiHost.Error(answer));
        }
    }

    [Fact]
    public async Task EachKeyHasItsOwnHourlyLimit()
    {
        await using var api = await StatsApiHost.StartAsync(new StatsApiOptions { HourlyRequestLimit = 3 });
        for (var i = 0; i < 3; i++) Assert.NotEqual(HttpStatusCode.TooManyRequests, (await api.GetAsync("/api/v1/stats/aggregate")).Status);
        var limited = await api.GetAsync(Aggregate);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("Too many API requests. Your API key is limited to 3 requests per hour.", StatsApiHost.Error(limited));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await api.GetAsync("/api/v1/stats/aggregate?site_id=other.org", api.OtherSiteKey)).Status);

        api.Time.Advance(TimeSpan.FromHours(1));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await api.GetAsync(Aggregate)).Status);
    }

    [Fact]
    public async Task AKeyCreatedOrRevokedWhileServingTakesEffectAtOnce()
    {
        await using var api = await StatsApiHost.StartAsync();
        // Another process (the CLI) writing the same file.
        var cli = new ApiKeyStore(api.Host.Data.Path);
        var (key, secret) = cli.Create("example.org", StatsApiHost.Now);
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/stats/aggregate?site_id=example.org&period=custom", secret)).Status);
        Assert.True(cli.Revoke(key.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(Aggregate, secret)).Status);
    }
}
