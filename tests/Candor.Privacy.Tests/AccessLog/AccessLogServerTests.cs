using System.Net;
using System.Text;
using Candor.Privacy.AccessLog;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Privacy.Tests.AccessLog;

/// <summary>Real Kestrel on loopback, real files.</summary>
public class AccessLogServerTests
{
    const string FirefoxWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    const string SafariIphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1";

    [Fact]
    public async Task By_default_a_line_holds_the_five_policy_fields_and_nothing_else()
    {
        using var folder = new TempFolder();
        var time = TestClock.At(2026, 11, 29, 10, 0);
        await using var server = await LogServer.StartAsync(new AccessLogOptions { Folder = folder.Path }, time);
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/private/page?token=s3cret");
        request.Headers.TryAddWithoutValidation("User-Agent", FirefoxWindows);
        request.Headers.TryAddWithoutValidation("Referer", "https://ref.example/from?x=1");
        request.Headers.TryAddWithoutValidation("Cookie", "session=abc");
        using var response = await client.SendAsync(request);
        Assert.Equal(LogServer.Body, await response.Content.ReadAsStringAsync());
        await server.Writer.FlushAsync();

        var lines = folder.ReadAll(time.Today());
        Assert.Equal(["#Fields: time ip browser os referrer", "2026-11-29T10:00:00Z\t127.0.0.1\tFirefox 133.0\tWindows 10\thttps://ref.example/from?x=1"], lines);
        var text = string.Join('\n', lines);
        foreach (var absent in new[] { "private", "token", "s3cret", "GET", "200", "session", "Mozilla", "Gecko", "Win64" })
            Assert.DoesNotContain(absent, text);
    }

    [Fact]
    public async Task Opt_in_fields_appear_when_enabled()
    {
        using var folder = new TempFolder();
        var time = TestClock.At(2026, 11, 29, 10, 0);
        var options = new AccessLogOptions { Folder = folder.Path, Fields = AccessLogFields.All };
        await using var server = await LogServer.StartAsync(options, time);
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/docs/a%20page?q=secret");
        request.Headers.TryAddWithoutValidation("User-Agent", SafariIphone);
        (await client.SendAsync(request)).Dispose();
        (await client.PostAsync("/form", new StringContent("x"))).Dispose();
        await server.Writer.FlushAsync();

        var rows = folder.Rows(time.Today());
        Assert.Equal("#Fields: time ip browser os referrer method path status bytes duration_s", folder.ReadAll(time.Today())[0]);
        Assert.Equal(2, rows.Length);
        Assert.Equal(["2026-11-29T10:00:00Z", "127.0.0.1", "Safari 17.1", "iOS 17.1.2", "-", "GET", "/docs/a%20page", "200", "6"], rows[0][..9]);
        Assert.Matches(@"^\d+\.\d{6}$", rows[0][9]);
        Assert.Equal(["-", "-", "-", "POST", "/form", "200"], rows[1][2..8]);
        Assert.DoesNotContain("secret", string.Join('\n', folder.ReadAll(time.Today())));
    }

    [Fact]
    public async Task Masking_shortens_the_address()
    {
        using var folder = new TempFolder();
        var time = TestClock.At(2026, 11, 29);
        await using var server = await LogServer.StartAsync(new AccessLogOptions { Folder = folder.Path, MaskIp = true }, time);
        using var client = server.Client();
        (await client.GetAsync("/")).Dispose();
        await server.Writer.FlushAsync();
        Assert.Equal("127.0.0.0", Assert.Single(folder.Rows(time.Today()))[1]);
    }

    [Fact]
    public async Task Lines_go_to_the_file_of_the_requests_UTC_day()
    {
        using var folder = new TempFolder();
        var time = TestClock.At(2026, 11, 29, 23, 59);
        await using var server = await LogServer.StartAsync(new AccessLogOptions { Folder = folder.Path }, time);
        using var client = server.Client();
        (await client.GetAsync("/")).Dispose();
        time.Advance(TimeSpan.FromMinutes(2));
        (await client.GetAsync("/")).Dispose();
        await server.Writer.FlushAsync();
        Assert.Equal("2026-11-29T23:59:00Z", Assert.Single(folder.Rows(new DateOnly(2026, 11, 29)))[0]);
        Assert.Equal("2026-11-30T00:01:00Z", Assert.Single(folder.Rows(new DateOnly(2026, 11, 30)))[0]);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_the_day_appends_to_the_same_file()
    {
        using var folder = new TempFolder();
        var time = TestClock.At(2026, 11, 29, 9, 0);
        var options = new AccessLogOptions { Folder = folder.Path };
        await using (var first = await LogServer.StartAsync(options, time))
        {
            using var client = first.Client();
            (await client.GetAsync("/")).Dispose();
            (await client.GetAsync("/")).Dispose();
        }
        time.Advance(TimeSpan.FromHours(5));
        await using (var second = await LogServer.StartAsync(options, time))
        {
            using var client = second.Client();
            (await client.GetAsync("/")).Dispose();
        }

        Assert.Equal(["access-2026-11-29.log"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
        var lines = folder.ReadAll(time.Today());
        Assert.Equal(5, lines.Length); // header, 2 lines, header (new process), 1 line
        Assert.Equal(["2026-11-29T09:00:00Z", "2026-11-29T09:00:00Z", "2026-11-29T14:00:00Z"], folder.Rows(time.Today()).Select(r => r[0]));
    }

    [Fact]
    public async Task Shutdown_flushes_every_line()
    {
        using var folder = new TempFolder();
        var time = TestClock.At(2026, 11, 29);
        var options = new AccessLogOptions { Folder = folder.Path };
        // A slow disk: the lines are still queued in memory when the host is told to stop.
        var server = await LogServer.StartAsync(options, time, services => services.AddSingleton(sp =>
            new AccessLogWriter(options, time, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AccessLogWriter>>(), path =>
            {
                Thread.Sleep(2000);
                return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            })));
        using (var client = server.Client())
        {
            await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ => (await client.GetAsync("/")).Dispose()));
        }
        Assert.True(server.Writer.WrittenLines < 200);
        await server.DisposeAsync(); // no FlushAsync: stopping the host must write everything
        Assert.Equal(200, folder.Rows(time.Today()).Length);
    }

    [Fact]
    public async Task Hostile_requests_never_reach_the_disk_raw_and_never_split_a_line()
    {
        using var folder = new TempFolder();
        var time = TestClock.At(2026, 11, 29);
        // Worst case: every field on, including the path.
        var options = new AccessLogOptions { Folder = folder.Path, Fields = AccessLogFields.All };
        await using var server = await LogServer.StartAsync(options, time);

        var rejected = new[]
        {
            "GET /\0/etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",        // NUL in the request line
            "GET /a\rInjected: x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",        // bare CR in the target
            "GET /a b c d HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",              // spaces in the target
            "GET /ok HTTP/1.1\r\nHost: x\r\nUser-Agent: evil\0agent\r\nConnection: close\r\n\r\n",  // NUL in a header
            "GET /ok HTTP/1.1\r\nHost: x\r\nReferer: https://a.example/\rFAKE\r\nConnection: close\r\n\r\n", // bare CR in a header
            "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u00fc\u0003\u0003garbage-tls-hello\r\n\r\n",           // TLS on the HTTP port
            "EVIL/\u0001 / HTTP/1.1\r\n\r\n",
        };
        foreach (var raw in rejected)
        {
            var answer = await server.SendRawAsync(raw);
            Assert.True(answer.Length == 0 || answer.StartsWith("HTTP/1.1 400", StringComparison.Ordinal), answer);
        }
        await server.Writer.FlushAsync();
        Assert.False(File.Exists(folder.File(time.Today())), "a request rejected by Kestrel was logged");

        var accepted = new[]
        {
            "GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /%2e%2e/%2e%2e/etc/shadow%00.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET /line%0D%0AFAKE%09LINE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nReferer: https://a.example/\tFAKE\tFIELDS\t\r\nUser-Agent: Mozilla/5.0\t(X11; Linux x86_64)\tFirefox/133.0\r\nConnection: close\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nReferer: https://a.example/\r\n 2026-01-01T00:00:00Z\t6.6.6.6\r\nConnection: close\r\n\r\n", // obsolete line folding
            "GET /" + new string('A', 3000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        };
        foreach (var raw in accepted)
            await server.SendRawAsync(raw);
        await server.Writer.FlushAsync();

        var bytes = File.ReadAllBytes(folder.File(time.Today()));
        Assert.DoesNotContain(bytes, b => b < 0x20 && b is not (byte)'\t' and not (byte)'\n');
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("../", text);
        Assert.DoesNotContain("/..", text);
        Assert.DoesNotContain("passwd", text.Replace("/etc/passwd", "")); // normalised to /etc/passwd, nothing raw
        Assert.DoesNotContain("6.6.6.6\t", text);
        var rows = folder.Rows(time.Today());
        Assert.InRange(rows.Length, 3, accepted.Length);
        Assert.All(rows, row => Assert.Equal(10, row.Length));
        Assert.All(rows, row => Assert.True(row[6].Length <= AccessLogLine.MaxPathLength + 3, row[6]));
        Assert.Contains(rows, row => row[4] == @"https://a.example/\tFAKE\tFIELDS" && row[2] == "Firefox 133.0");
        Assert.Contains(rows, row => row[6] == "/line%0D%0AFAKE%09LINE");
        Assert.Contains(rows, row => row[6] == "/etc/passwd"); // Kestrel removed the dot segments before anything was logged
    }

    [Fact]
    public async Task Default_fields_never_write_a_path_at_all()
    {
        using var folder = new TempFolder();
        var time = TestClock.At(2026, 11, 29);
        await using var server = await LogServer.StartAsync(new AccessLogOptions { Folder = folder.Path }, time);
        await server.SendRawAsync("GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        await server.SendRawAsync("GET /x%0AFAKE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        await server.Writer.FlushAsync();
        var rows = folder.Rows(time.Today());
        Assert.Equal(2, rows.Length);
        Assert.All(rows, row => Assert.Equal(["127.0.0.1", "-", "-", "-"], row[1..]));
    }

    [Fact]
    public async Task A_full_disk_drops_and_counts_lines_without_failing_requests()
    {
        using var folder = new TempFolder();
        var time = TestClock.At(2026, 11, 29);
        var diskFull = true;
        var options = new AccessLogOptions { Folder = folder.Path };
        await using var server = await LogServer.StartAsync(options, time, services => services.AddSingleton(sp =>
            new AccessLogWriter(options, time, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AccessLogWriter>>(), path =>
                diskFull ? throw new IOException("No space left on device") : new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))));
        using var client = server.Client();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await server.Writer.FlushAsync();
        }
        Assert.Equal(5, server.Writer.DroppedLines);
        Assert.False(File.Exists(folder.File(time.Today())));
        // Reported once, not once per line...
        var warning = Assert.Single(server.Logs.Messages(nameof(AccessLogWriter), Microsoft.Extensions.Logging.LogLevel.Warning));
        Assert.Contains("No space left on device", warning);

        // ...again after a minute; and when space comes back, lines are written again.
        time.Advance(AccessLogWriter.DropReportInterval);
        (await client.GetAsync("/")).Dispose();
        await server.Writer.FlushAsync();
        Assert.Equal(2, server.Logs.Messages(nameof(AccessLogWriter), Microsoft.Extensions.Logging.LogLevel.Warning).Count());
        diskFull = false;
        (await client.GetAsync("/")).Dispose();
        await server.Writer.FlushAsync();
        Assert.Single(folder.Rows(time.Today()));
        Assert.Equal(6, server.Writer.DroppedLines);
    }

    [Fact]
    public async Task A_stuck_disk_never_makes_a_request_wait()
    {
        using var folder = new TempFolder();
        var time = TestClock.At(2026, 11, 29);
        using var gate = new ManualResetEventSlim(false);
        var options = new AccessLogOptions { Folder = folder.Path, BufferCapacity = 4 };
        await using var server = await LogServer.StartAsync(options, time, services => services.AddSingleton(sp =>
            new AccessLogWriter(options, time, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AccessLogWriter>>(), path =>
            {
                gate.Wait(TimeSpan.FromSeconds(20)); // a disk that hangs (NFS gone, ...)
                return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            })));
        using var client = server.Client();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 30; i++)
        {
            using var response = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"requests took {watch.Elapsed}");
        Assert.True(server.Writer.DroppedLines >= 30 - 4 - 1, $"dropped {server.Writer.DroppedLines}");
        gate.Set();
        await server.Writer.FlushAsync();
        Assert.Equal(30, server.Writer.DroppedLines + server.Writer.WrittenLines);
        Assert.Equal(server.Writer.WrittenLines, folder.Rows(time.Today()).Length);
    }
}
