using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Candor.GitHub.Tests;

/// <summary>
/// The proxy alone on a bare Kestrel host on loopback (no Candor.Server): proves it stands on its own and lets
/// tests swap the clock. Every log message of every level is kept in <see cref="Logs"/> so tests can check that
/// no token ever reaches a log.
/// </summary>
public sealed class ProxyHost : IAsyncDisposable
{
    private ProxyHost(WebApplication app, Uri url, string root, ConcurrentQueue<string> logs)
    {
        App = app;
        Url = url;
        Root = root;
        Logs = logs;
    }

    private bool _ownsRoot;

    public WebApplication App { get; }
    public Uri Url { get; }
    public string Root { get; }
    public ConcurrentQueue<string> Logs { get; }
    public StarProxy Proxy => App.Services.GetRequiredService<StarProxy>();
    public string Origin => Url.GetLeftPart(UriPartial.Authority);

    public static GitHubStarProxyOptions Options(FakeGitHub fake, string root) => new()
    {
        ClientId = FakeGitHub.ClientId,
        ClientSecret = FakeGitHub.ClientSecret,
        GitHubUrl = fake.Url,
        ApiUrl = fake.Url,
        KeyFolder = Path.Combine(root, "keys"),
        AllowedOrigins = ["https://allowed.example"],
        UpstreamTimeout = TimeSpan.FromSeconds(2),
        RequestsPerMinute = 1000,
    };

    public static async Task<ProxyHost> Start(FakeGitHub fake, Func<GitHubStarProxyOptions, GitHubStarProxyOptions>? adjust = null, TimeProvider? time = null, string? root = null)
    {
        var owned = root is null;
        root ??= Path.Combine(Path.GetTempPath(), "candor-github-" + Guid.NewGuid().ToString("N"));
        var logs = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(logs));
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        if (time is not null) builder.Services.AddSingleton(time);
        var options = Options(fake, root);
        builder.Services.AddGitHubStarProxy(adjust is null ? options : adjust(options));
        var app = builder.Build();
        app.UseRouting();
        app.MapGitHubStarProxy();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProxyHost(app, new Uri(address), root, logs) { _ownsRoot = owned };
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (!_ownsRoot) return; // a folder the test passed in outlives this host (restart tests)
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, logs);
        public void Dispose() { }
    }

    private sealed class ListLogger(string category, ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
