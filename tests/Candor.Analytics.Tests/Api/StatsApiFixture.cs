namespace Candor.Analytics.Tests.Api;

/// <summary>
/// One host per test class, seeded with the reference's worked example and a little around it (starting a host loads
/// the classification data sets, so the many small request tests share one):
/// <list type="bullet">
/// <item>2021-01-01: visitor A (DE, Firefox 133.0) views <c>/</c> at 00:00 and <c>/blog/first</c> at 00:25; visitor B
/// (FR, Chrome 130.0, from Google) views <c>/</c> at 00:00.</item>
/// <item>2020-12-31: visitor C views <c>/</c> once (the previous period of the comparison example).</item>
/// <item>other.org, 2021-01-01 05:00: visitor D views <c>/secret</c> — must never show up in example.org's answers.</item>
/// <item>2021-01-02 09:00 (after "today", 2021-01-01 12:00): visitor E, country unknown, views <c>/</c>.</item>
/// </list>
/// </summary>
public sealed class StatsApiFixture : IAsyncLifetime
{
    public StatsApiHost Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await StatsApiHost.StartAsync();
        await Api.SeedAsync(
            StatsApiHost.Pageview(1, 11, "2021-01-01 00:00:00") with { Country = "DE" },
            StatsApiHost.Pageview(1, 11, "2021-01-01 00:25:00", "/blog/first") with { Country = "DE" },
            StatsApiHost.Pageview(2, 22, "2021-01-01 00:00:00") with { Country = "FR", Browser = "Chrome", BrowserVersion = "130.0", Source = "Google", ReferrerSource = "Google", Referrer = "google.com" },
            StatsApiHost.Pageview(3, 33, "2020-12-31 00:00:00") with { Country = "DE" },
            StatsApiHost.Pageview(4, 44, "2021-01-01 05:00:00", "/secret", site: "other.org") with { Country = "US" },
            StatsApiHost.Pageview(5, 55, "2021-01-02 09:00:00", "/"));
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}
