using System.Net;
using System.Net.Sockets;
using Candor.Server;
using Candor.Site;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Candor.EndToEnd.Tests;

/// <summary>
/// A built site served by Candor with analytics on for <c>example.org</c>, in its own temp folder
/// (<c>src</c>, <c>site</c>, <c>data</c>), removed on dispose. Shared by the analytics browser and privacy tests.
/// </summary>
internal sealed class AnalyticsTestSite : IAsyncDisposable
{
    public const string DesktopUserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

    private Microsoft.AspNetCore.Builder.WebApplication? _server;

    private AnalyticsTestSite(string root, int port)
    {
        Root = root;
        Port = port;
    }

    public string Root { get; }
    public int Port { get; }
    public string Source => Path.Combine(Root, "src");
    public string SiteFolder => Path.Combine(Root, "site");
    public string DataFolder => Path.Combine(Root, "data");
    public string AccessLogFolder => Path.Combine(DataFolder, "logs");
    public string StorePath => Path.Combine(DataFolder, "analytics.duckdb");
    public string Origin => $"http://127.0.0.1:{Port}";

    /// <summary>The running server's services (its analytics counters and buffer).</summary>
    public IServiceProvider Services => (_server ?? throw new InvalidOperationException("The server is not running.")).Services;

    /// <summary>Picks a port first so pages can name it; <paramref name="write"/> fills <c>src</c> (given the port).</summary>
    public static AnalyticsTestSite Create(string name, Action<string, int> write)
    {
        var site = new AnalyticsTestSite(Path.Combine(Path.GetTempPath(), $"candor-{name}-" + Guid.NewGuid().ToString("N")), DebianChromium.FreePort());
        try
        {
            Directory.CreateDirectory(site.Source);
            write(site.Source, site.Port);
            new SiteBuilder(new BuildOptions { Source = site.Source, Destination = site.SiteFolder }).Build();
            return site;
        }
        catch
        {
            site.DeleteFolder();
            throw;
        }
    }

    public async Task StartAsync(IReadOnlyList<string>? trustedProxies = null, bool accessLog = false, bool publicStats = false)
    {
        _server = SiteServer.Create(new SiteServerOptions
        {
            SiteRoot = SiteFolder,
            Host = "127.0.0.1",
            Port = Port,
            DataFolder = DataFolder,
            AnalyticsSites = ["example.org"],
            Analytics = true,
            AnalyticsPublic = publicStats,
            TrustedProxies = trustedProxies ?? [],
            AccessLog = accessLog ? new Candor.Privacy.AccessLog.AccessLogOptions { Folder = AccessLogFolder } : null,
            ShutdownTimeout = TimeSpan.FromSeconds(5),
        });
        await _server.StartAsync();
    }

    /// <summary>Graceful stop: the event buffer is flushed to the DuckDB file.</summary>
    public async Task StopAsync()
    {
        if (_server is null) return;
        var server = _server;
        _server = null;
        await server.StopAsync();
        await server.DisposeAsync();
    }

    /// <summary>
    /// A context that looks like a visitor's browser: a desktop User-Agent (headless Chromium's is rightly dropped as
    /// a bot) and <c>navigator.webdriver</c> false (both trackers skip automation).
    /// </summary>
    public static async Task<IBrowserContext> VisitorContextAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new() { UserAgent = DesktopUserAgent });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(15_000);
        await context.AddInitScriptAsync("Object.defineProperty(Navigator.prototype,'webdriver',{get:()=>false})");
        return context;
    }

    /// <summary>Waits for the endpoint's answer to the event named <paramref name="eventName"/> (start it before the action).</summary>
    public static Task<IResponse> EventAnswered(IPage page, string eventName) =>
        page.WaitForResponseAsync(
            r => r.Url.EndsWith("/api/event", StringComparison.Ordinal) && r.Request.Method == "POST" &&
                 (r.Request.PostData ?? "").Contains($"\"n\":\"{eventName}\"", StringComparison.Ordinal),
            new() { Timeout = 15_000 });

    /// <summary>
    /// Waits (bounded, 15 s) until the running server has accepted at least <paramref name="count"/> events for storage;
    /// false if it has not. For events sent as a page goes away, whose browser-side response may never be reported.
    /// </summary>
    public async Task<bool> AcceptedAtLeastAsync(long count)
    {
        var counters = Services.GetRequiredService<Candor.Analytics.Endpoint.IngestionCounters>();
        for (var waited = 0; waited < 15_000 && counters.Accepted < count; waited += 50) await Task.Delay(50);
        return counters.Accepted >= count;
    }

    /// <summary>Stored events (engagement left out): name, pathname, and props as <c>k=v;k=v</c> in key order.</summary>
    public List<string> StoredEvents()
    {
        using var connection = new DuckDBConnection($"Data Source={StorePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT name, pathname, array_to_string(list_transform(list_zip(prop_keys, prop_values), x -> x[1] || '=' || x[2]), ';') " +
            "FROM events WHERE name <> 'engagement' ORDER BY name, pathname";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add($"{reader.GetString(0)} {reader.GetString(1)} {(reader.IsDBNull(2) ? "" : reader.GetString(2))}".TrimEnd());
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            DeleteFolder();
        }
    }

    private void DeleteFolder()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

}
