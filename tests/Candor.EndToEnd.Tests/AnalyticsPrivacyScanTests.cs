using System.Net;
using System.Net.Sockets;
using System.Text;
using Candor.Analytics.Endpoint;
using Candor.Analytics.Store;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.EndToEnd.Tests;

/// <summary>
/// The policy's promise over the whole server, not one class: events from known IP addresses and user agents go
/// through the real <c>SiteServer</c> on Kestrel (through a trusted proxy's <c>X-Forwarded-For</c>, and straight
/// from another loopback address), and afterwards no file the process wrote under the site or data folder — the
/// DuckDB file and its write-ahead log while running, the file again after the checkpoint of a graceful stop, the
/// salts, anything else — holds any of them, in any text form or as raw address bytes. The access log is the one
/// file allowed to see the client (it masks it by its own rules) and is left out. (The unit-level scan in
/// Candor.Analytics.Tests covers the two salts around midnight with a fake clock.)
/// </summary>
public sealed class AnalyticsPrivacyScanTests
{
    private static readonly string[] ProxiedIps = ["203.0.113.77", "198.51.100.23", "2001:db8::5eed:1"];

    /// <summary>Not behind the proxy: Kestrel sees this source address itself (Linux routes all of 127/8 to loopback).</summary>
    private const string DirectIp = "127.0.0.55";

    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0 CandorProbeAlpha/7.1",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1 CandorProbeBravo/3.3",
    ];

    [Fact]
    public async Task No_file_the_server_wrote_holds_a_visitor_ip_or_user_agent()
    {
        await using var site = AnalyticsTestSite.Create("privacy-scan", (src, _) =>
            File.WriteAllText(Path.Combine(src, "index.html"), "---\n---\n<!doctype html><title>home</title>\n"));
        await site.StartAsync(trustedProxies: ["127.0.0.1"], accessLog: true);

        using var proxy = new HttpClient { BaseAddress = new Uri(site.Origin) };
        using var direct = new HttpClient(FromSource(IPAddress.Parse(DirectIp))) { BaseAddress = new Uri(site.Origin) };
        var sent = 0;
        foreach (var agent in Agents)
        {
            foreach (var ip in ProxiedIps)
                sent += await SendVisitAsync(proxy, agent, forwardedFor: ip);
            // An untrusted sender's X-Forwarded-For is ignored: the socket address is the client.
            sent += await SendVisitAsync(direct, agent, forwardedFor: "192.0.2.200");
        }

        // While running: the events are committed (in the write-ahead log or the file), the salt is on disk.
        var buffer = site.Services.GetRequiredService<EventBuffer>();
        for (var waited = 0; buffer.Written < sent && waited < 15_000; waited += 50) await Task.Delay(50);
        Assert.Equal(sent, buffer.Written);
        var whileRunning = AssertNoSecrets(site);
        Assert.Contains(whileRunning, f => f.EndsWith(".salt", StringComparison.Ordinal));

        // After a graceful stop the store is checkpointed: the file alone holds every event.
        await site.StopAsync();
        var afterStop = AssertNoSecrets(site);
        Assert.Contains(site.StorePath, afterStop);
        Assert.Contains(afterStop, f => f.EndsWith(".salt", StringComparison.Ordinal));

        // Not vacuous: every event is stored, each address/agent pair was a visitor of its own (so the forwarded and
        // direct addresses really reached the hash), and the access log did see the clients.
        using var connection = new DuckDBConnection($"Data Source={site.StorePath};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), count(DISTINCT visitor_id) FROM events";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(sent, reader.GetInt64(0));
        Assert.Equal(Agents.Length * (ProxiedIps.Length + 1), reader.GetInt64(1));
        Assert.NotEmpty(Directory.GetFiles(site.AccessLogFolder));
    }

    /// <summary>A pageview, a custom event with props and a second pageview: the paths that create and update a session.</summary>
    private static async Task<int> SendVisitAsync(HttpClient client, string agent, string forwardedFor)
    {
        string[] bodies =
        [
            """{"n":"pageview","u":"https://example.org/?utm_source=news","d":"example.org","r":"https://www.google.com/"}""",
            """{"n":"Signup","u":"https://example.org/join","d":"example.org","p":{"plan":"free"}}""",
            """{"n":"pageview","u":"https://example.org/docs/","d":"example.org"}""",
        ];
        foreach (var body in bodies)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/event") { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
            request.Headers.TryAddWithoutValidation("User-Agent", agent);
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.False(response.Headers.Contains(EventEndpoint.DroppedHeader), $"dropped: {body} from {agent}");
        }
        return bodies.Length;
    }

    /// <summary>Every file under the test's folders except the access log; fails naming the file and the secret found.</summary>
    private static List<string> AssertNoSecrets(AnalyticsTestSite site)
    {
        var secrets = Secrets();
        var files = Directory.GetFiles(site.Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(site.AccessLogFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        foreach (var file in files)
        {
            // The WAL may be rewritten or removed at any moment while the server runs; read what is there now.
            byte[] bytes;
            try { bytes = ReadShared(file); }
            catch (FileNotFoundException) { continue; }
            foreach (var (name, pattern) in secrets)
                Assert.True(bytes.AsSpan().IndexOf(pattern) < 0, $"{name} found in {Path.GetRelativePath(site.Root, file)}");
        }
        return files;
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Each address as text (every usual form, UTF-8 and UTF-16) and as its raw bytes; each agent whole and its distinctive parts.</summary>
    private static List<(string Name, byte[] Pattern)> Secrets()
    {
        var texts = new List<string>();
        var raw = new List<(string, byte[])>();
        foreach (var ip in ProxiedIps.Append(DirectIp))
        {
            var address = IPAddress.Parse(ip);
            texts.Add(ip);
            raw.Add(($"{ip} (raw bytes)", address.GetAddressBytes()));
            if (address.AddressFamily == AddressFamily.InterNetwork)
            {
                texts.Add("::ffff:" + ip);
                raw.Add(($"{ip} (IPv4-mapped raw bytes)", address.MapToIPv6().GetAddressBytes()));
            }
            else
            {
                texts.Add(ip.ToUpperInvariant());
                var bytes = address.GetAddressBytes();
                texts.Add(string.Join(":", Enumerable.Range(0, 8).Select(i => ((bytes[2 * i] << 8) | bytes[2 * i + 1]).ToString("x4"))));
            }
        }
        foreach (var agent in Agents)
        {
            texts.Add(agent);
            texts.AddRange(agent.Split(' ').Where(part => part.StartsWith("CandorProbe", StringComparison.Ordinal)));
        }
        texts.Add("CandorProbe");
        return
        [
            .. texts.Select(t => (t, Encoding.UTF8.GetBytes(t))),
            .. texts.Select(t => (t + " (UTF-16)", Encoding.Unicode.GetBytes(t))),
            .. raw,
        ];
    }

    /// <summary>An HTTP handler whose connections leave from <paramref name="source"/> instead of 127.0.0.1.</summary>
    private static SocketsHttpHandler FromSource(IPAddress source) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(source.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
