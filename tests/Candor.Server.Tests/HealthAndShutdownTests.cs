using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Candor.Server.Tests;

public sealed class HealthAndShutdownTests
{
    [Fact]
    public async Task HealthzAnswersOk()
    {
        using var site = new TestSite();
        await using var server = await RunningServer.Start(site);
        using var http = server.Client();
        using var response = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task StoppingLetsADownloadInFlightFinish()
    {
        const int size = 32 * 1024 * 1024;
        using var site = new TestSite();
        var data = new byte[size];
        new Random(7).NextBytes(data);
        await File.WriteAllBytesAsync(Path.Combine(site.Site, "big.bin"), data);
        var server = await RunningServer.Start(site);

        using var tcp = new TcpClient { ReceiveBufferSize = 64 * 1024 };
        await tcp.ConnectAsync(server.Base.Host, server.Base.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /big.bin HTTP/1.1\r\nHost: {server.Base.Authority}\r\nConnection: close\r\n\r\n"));

        var buffer = new byte[64 * 1024];
        var received = new MemoryStream();
        Task? stopping = null;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(20));
            if (read == 0) break;
            received.Write(buffer, 0, read);
            if (stopping is null && received.Length > 1024 * 1024)
            {
                // The download has started and most of it is still on the server's side of the socket.
                stopping = server.App.StopAsync();
                await Task.Delay(200);
                Assert.False(stopping.IsCompleted, "the host stopped while a request was still being answered");
                await Assert.ThrowsAnyAsync<SocketException>(async () =>
                {
                    using var late = new TcpClient();
                    await late.ConnectAsync(server.Base.Host, server.Base.Port);
                });
            }
            else if (stopping is not null) await Task.Delay(1); // a slow reader
        }
        Assert.NotNull(stopping);
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        await server.App.DisposeAsync();

        var bytes = received.ToArray();
        var headerEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        Assert.StartsWith("HTTP/1.1 200", Encoding.ASCII.GetString(bytes, 0, 12));
        Assert.Equal(size, bytes.Length - headerEnd);
        Assert.True(bytes.AsSpan(headerEnd).SequenceEqual(data), "the body differs from the file");
    }
}
