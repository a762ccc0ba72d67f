using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Candor.Analytics.Api;
using Candor.Analytics.Api.Keys;
using Candor.Analytics.Endpoint;
using Candor.Analytics.Store;
using Candor.Analytics.Tests.Endpoint;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Candor.Analytics.Tests.Api;

/// <summary>
/// The real analytics host (Kestrel, DuckDB in a temp folder) with the clock at <see cref="Now"/>, a key for
/// example.org and a key for other.org, and events written through the real store.
/// </summary>
public sealed class StatsApiHost : IAsyncDisposable
{
    public static readonly DateTime Now = new(2021, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    private StatsApiHost(AnalyticsHost host, FakeTimeProvider time, string key, string otherKey)
    {
        Host = host;
        Time = time;
        Key = key;
        OtherSiteKey = otherKey;
    }

    public AnalyticsHost Host { get; }
    public FakeTimeProvider Time { get; }
    /// <summary>A key scoped to example.org.</summary>
    public string Key { get; }
    /// <summary>A key scoped to other.org.</summary>
    public string OtherSiteKey { get; }

    public static async Task<StatsApiHost> StartAsync(StatsApiOptions? options = null, Func<AnalyticsOptions, AnalyticsOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(Now));
        var host = await AnalyticsHost.StartAsync(configure, services: s =>
        {
            s.AddSingleton<TimeProvider>(time);
            if (options is not null) s.AddSingleton(options);
        });
        var keys = host.Services.GetRequiredService<ApiKeyStore>();
        return new StatsApiHost(host, time, keys.Create("example.org", Now).Secret, keys.Create("other.org", Now).Secret);
    }

    public Task SeedAsync(params StoredEvent[] events) => Host.Services.GetRequiredService<IEventStore>().AppendAsync(events);

    public static StoredEvent Pageview(ulong visitor, ulong session, string time, string path = "/", string site = "example.org") => new()
    {
        Timestamp = DateTime.SpecifyKind(DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc),
        Site = site,
        Name = "pageview",
        VisitorId = visitor,
        SessionId = session,
        Hostname = site,
        Pathname = path,
        Browser = "Firefox",
        BrowserVersion = "133.0",
        Os = "Linux",
        Device = "Desktop",
    };


    public async Task<(HttpStatusCode Status, JsonElement Json, string Body)> GetAsync(string pathAndQuery, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? Key);
        return await SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, JsonElement Json, string Body)> PostQueryAsync(string body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/query") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key ?? Key);
        return await SendAsync(request);
    }

    public async Task<(HttpStatusCode Status, JsonElement Json, string Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await Host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        JsonElement json = default;
        try { json = JsonDocument.Parse(body).RootElement.Clone(); } catch (JsonException) { }
        return (response.StatusCode, json, body);
    }

    /// <summary>The error text of a JSON error answer.</summary>
    public static string Error((HttpStatusCode Status, JsonElement Json, string Body) answer) =>
        answer.Json.ValueKind == JsonValueKind.Object && answer.Json.TryGetProperty("error", out var e) ? e.GetString()! : $"(no error field) {answer.Body}";

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
