using Candor.Analytics.Endpoint;
using Candor.Analytics.Store;
using Candor.Analytics.Tests.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Analytics.Tests.Endpoint;

/// <summary>Analytics alone on a real Kestrel (127.0.0.1, a free port) with a temp data folder.</summary>
public sealed class AnalyticsHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    public TempFolder Data { get; }
    public HttpClient Client { get; }
    public Uri BaseAddress { get; }

    private AnalyticsHost(WebApplication app, TempFolder data, Uri baseAddress)
    {
        _app = app;
        Data = data;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public IServiceProvider Services => _app.Services;

    public static async Task<AnalyticsHost> StartAsync(Func<AnalyticsOptions, AnalyticsOptions>? configure = null, IEventStore? store = null, TempFolder? data = null,
        Action<IServiceCollection>? services = null, TimeProvider? time = null)
    {
        data ??= new TempFolder();
        var options = new AnalyticsOptions { Sites = ["example.org", "other.org"], DataFolder = data.Path };
        if (configure is not null) options = configure(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        if (store is not null) builder.Services.AddSingleton(store);
        services?.Invoke(builder.Services);
        if (time is not null) builder.Services.AddSingleton(time);
        builder.Services.AddAnalytics(options);
        var app = builder.Build();
        app.UseRouting();
        app.MapAnalytics();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AnalyticsHost(app, data, new Uri(address));
    }

    /// <summary>
    /// A client whose connections leave from another loopback address (Linux routes all of 127/8 to loopback), so the
    /// endpoint sees another client IP without a proxy in between. Dispose it.
    /// </summary>
    public HttpClient ClientFrom(string loopbackAddress)
    {
        var source = System.Net.IPAddress.Parse(loopbackAddress);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(source.AddressFamily, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                try
                {
                    socket.Bind(new System.Net.IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    public Task<HttpResponseMessage> PostAsync(string body, string contentType = "text/plain", Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/event") { Content = new StringContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36");
        configure?.Invoke(request);
        return Client.SendAsync(request);
    }

    /// <summary>Graceful stop, as Ctrl+C does it.</summary>
    public async Task StopAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Rows of the DuckDB file, read after the host has stopped (the file is then closed).</summary>
    public async Task<List<object?[]>> QueryFileAsync(string sql)
    {
        await using var store = DuckDbEventStore.Open(Path.Combine(Data.Path, "analytics.duckdb"));
        return await store.QueryAsync(sql);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try { await _app.DisposeAsync(); } catch (ObjectDisposedException) { }
        Data.Dispose();
    }
}
