using Candor.Analytics.Dashboard;
using Candor.Analytics.Query;
using Candor.Analytics.Tests.Query;
using Candor.Analytics.Tests.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Analytics.Tests.Dashboard;

/// <summary>
/// The dashboard on a real Kestrel (127.0.0.1, a free port) over a <see cref="StatsSite"/>: a real DuckDB file with
/// the seeded visits below, the real engine, and the site's fake clock (the day after <see cref="StatsSite.Day"/>).
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    public const string Site = StatsSite.Site;

    private readonly WebApplication _app;

    private DashboardHost(WebApplication app, StatsSite stats, TempFolder data, Uri address)
    {
        _app = app;
        Stats = stats;
        Data = data;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
    }

    public StatsSite Stats { get; }
    public TempFolder Data { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<DashboardHost> StartAsync(bool isPublic, int k = 5, IReadOnlyList<Goal>? goals = null)
    {
        var stats = new StatsSite();
        // The dashboard's periods are whole days before today: make the seeded day yesterday.
        stats.Time.SetUtcNow(new DateTimeOffset(StatsSite.Day.AddDays(1)));
        await Seed(stats);
        var data = new TempFolder();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddSingleton<TimeProvider>(stats.Time);
        builder.Services.AddSingleton<IStatsQueries>(stats.Engine);
        builder.Services.AddDashboard(new DashboardOptions
        {
            Sites = [Site, "private.example"],
            PublicSites = isPublic ? [Site] : [],
            KThreshold = k,
            DataFolder = data.Path,
            Goals = goals ?? [],
        });
        var app = builder.Build();
        app.UseRouting();
        app.MapDashboard();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardHost(app, stats, data, new Uri(address));
    }

    /// <summary>
    /// 22 visitors on <see cref="StatsSite.Day"/>: 12 from Google (6 in Germany on Chrome, 6 in the US on Firefox, each
    /// viewing / then /blog/), 7 from Hacker News (Britain, Safari, one page: bounces), 2 from rare.example (France,
    /// one of them converting "Signup" with plan=pro) and 1 direct visitor (Germany) who signs up too.
    /// </summary>
    public static async Task Seed(StatsSite stats)
    {
        var at = StatsSite.Day.AddHours(9);
        ulong visitor = 1;
        for (var i = 0; i < 12; i++)
            stats.Visit(visitor++, at.AddMinutes(i), e => e with
            {
                Source = "Google", ReferrerSource = "Google", Referrer = i < 8 ? "www.google.com" : "www.google.de", Channel = "Organic Search",
                Country = i < 6 ? "DE" : "US", Browser = i < 6 ? "Chrome" : "Firefox", BrowserVersion = i < 6 ? "130.0" : "128.0", Os = "Windows", OsVersion = "10",
            }).Pageview("/").Pageview("/blog/", TimeSpan.FromMinutes(2));
        for (var i = 0; i < 7; i++)
            stats.Visit(visitor++, at.AddHours(2).AddMinutes(i), e => e with
            {
                Source = "Hacker News", ReferrerSource = "Hacker News", Referrer = "news.ycombinator.com", Channel = "Referral",
                Country = "GB", Browser = "Safari", BrowserVersion = "17.4", Os = "macOS", OsVersion = "14", Device = "Desktop",
            }).Pageview("/blog/");
        for (var i = 0; i < 2; i++)
        {
            var visit = stats.Visit(visitor++, at.AddHours(4).AddMinutes(i), e => e with
            {
                Source = "rare.example", ReferrerSource = "rare.example", Referrer = "rare.example/links", Channel = "Referral",
                Country = "FR", Browser = "Firefox", BrowserVersion = "128.0", Os = "GNU/Linux", Device = "Mobile",
            }).Pageview("/pricing/");
            if (i == 0) visit.Custom("Signup", "/pricing/", TimeSpan.FromSeconds(30), props: ("plan", "pro"));
        }
        stats.Visit(visitor, at.AddHours(5), e => e with { Channel = "Direct", Country = "DE", Browser = "Chrome", BrowserVersion = "130.0", Os = "Windows", OsVersion = "10" })
            .Pageview("/pricing/").Custom("Signup", "/pricing/", TimeSpan.FromSeconds(40), props: ("plan", "team"));
        await stats.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Stats.DisposeAsync();
        Data.Dispose();
    }
}
