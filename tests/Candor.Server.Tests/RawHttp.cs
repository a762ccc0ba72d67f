using System.Net.Sockets;
using System.Text;

namespace Candor.Server.Tests;

/// <summary>
/// Sends a request line exactly as written (HttpClient would normalise <c>..</c>, backslashes and
/// encodings away) and reads the whole response of a <c>Connection: close</c> exchange.
/// </summary>
public static class RawHttp
{
    public sealed record Response(int Status, string Head, string Body);

    public static async Task<Response> Send(Uri server, string target, string extraHeaders = "")
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: {server.Authority}\r\n{extraHeaders}Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var text = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split >= 0 ? text[..split] : text;
        var status = int.Parse(head.Split(' ')[1]);
        return new Response(status, head, split >= 0 ? text[(split + 4)..] : "");
    }
}
