using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Candor.Site.Tests.Previews;

/// <summary>
/// Stands in for i.ytimg.com on 127.0.0.1: a tiny JPEG for <see cref="JpegId"/>, 404 for <see cref="MissingId"/>,
/// an HTML page labelled as HTML for <see cref="HtmlId"/>, and HTML labelled as a JPEG for <see cref="LyingId"/>.
/// Records every path asked for.
/// </summary>
public sealed class FakeImageServer : IAsyncDisposable
{
    public const string JpegId = "aaaaaaaaaaa";
    public const string MissingId = "bbbbbbbbbbb";
    public const string HtmlId = "ccccccccccc";
    public const string LyingId = "ddddddddddd";

    /// <summary>The smallest shape of a JPEG: SOI, an APP0 marker start, EOI.</summary>
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0xFF, 0xD9];

    private readonly WebApplication _app;

    private FakeImageServer(WebApplication app) => _app = app;

    public List<string> Requests { get; } = [];
    public string Template { get; private set; } = "";

    public static async Task<FakeImageServer> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeImageServer(app);
        app.MapGet("/vi/{id}/hqdefault.jpg", (HttpContext context, string id) =>
        {
            lock (server.Requests) server.Requests.Add(context.Request.Path);
            return id switch
            {
                JpegId => Results.Bytes(Jpeg, "image/jpeg"),
                HtmlId => Results.Content("<!doctype html><p>not an image</p>", "text/html"),
                LyingId => Results.Bytes("<!doctype html>"u8.ToArray(), "image/jpeg"),
                _ => Results.NotFound(),
            };
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Template = address + "/vi/{id}/hqdefault.jpg";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
