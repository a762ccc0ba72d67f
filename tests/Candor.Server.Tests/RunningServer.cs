using System.Net;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Candor.Server.Tests;

/// <summary>A real <see cref="SiteServer"/> on 127.0.0.1 with ephemeral ports.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private RunningServer(WebApplication app, Uri? http, Uri? https)
    {
        App = app;
        Http = http;
        Https = https;
    }

    public WebApplication App { get; }
    public Uri? Http { get; }
    public Uri? Https { get; }
    /// <summary>Whichever is served: HTTPS when that is all there is, else plain HTTP.</summary>
    public Uri Base => Http ?? Https!;

    public static async Task<RunningServer> Start(SiteServerOptions options)
    {
        var app = SiteServer.Create(options with { Host = "127.0.0.1", Port = 0 });
        await app.StartAsync();
        var addresses = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList()
            : [];
        return new RunningServer(app, addresses.FirstOrDefault(a => a.Scheme == "http"), addresses.FirstOrDefault(a => a.Scheme == "https"));
    }

    public static Task<RunningServer> Start(TestSite site) => Start(new SiteServerOptions { SiteRoot = site.Site });

    /// <summary>An HttpClient that does not follow redirects or decompress, so tests see exactly what was sent.</summary>
    public HttpClient Client(X509Certificate2? trust = null, Version? version = null)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None, UseCookies = false };
        if (trust is not null) handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == trust.GetCertHashString();
        var client = new HttpClient(handler) { BaseAddress = Base, Timeout = TimeSpan.FromSeconds(10) };
        if (version is not null)
        {
            client.DefaultRequestVersion = version;
            client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
