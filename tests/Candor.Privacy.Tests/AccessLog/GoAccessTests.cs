using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Candor.Privacy.AccessLog;
using Microsoft.Extensions.Logging.Abstractions;

namespace Candor.Privacy.Tests.AccessLog;

/// <summary>
/// Runs Debian's goaccess (installed by .ci/run) with the documented options over a generated log and
/// compares its counts with ours.
/// </summary>
public class GoAccessTests
{
    static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1.2 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70",
    ];

    static readonly string?[] Referrers = [null, "https://news.example/item?id=1", "https://search.example/?q=candor", "https://blog.example/a\tb", "https://news.example/other"];

    [Theory]
    [InlineData(AccessLogFields.Default, false)]
    [InlineData(AccessLogFields.Default, true)]
    [InlineData(AccessLogFields.All, false)]
    public async Task GoAccess_reads_the_log_with_the_documented_options(AccessLogFields fields, bool maskIp)
    {
        using var folder = new TempFolder();
        var options = new AccessLogOptions { Folder = folder.Path, Fields = fields, MaskIp = maskIp };
        var parser = new MinimalUserAgentParser();
        var random = new Random(7);
        var start = new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero);
        var entries = Enumerable.Range(0, 400).Select(i => new AccessLogEntry
        {
            Time = start.AddSeconds(i * 97), // spans two UTC days
            ClientIp = i % 3 == 0
                ? IPAddress.Parse($"2001:db8:{random.Next(4):x}::{random.Next(1, 9):x}")
                : IPAddress.Parse($"198.51.{random.Next(3)}.{random.Next(1, 20)}"),
            UserAgent = UserAgents[random.Next(UserAgents.Length)],
            Referrer = Referrers[random.Next(Referrers.Length)],
            Method = "GET",
            Path = $"/page-{random.Next(10)}.html",
            Status = 200,
            Bytes = random.Next(100, 5000),
            Duration = TimeSpan.FromMicroseconds(random.Next(50, 20000)),
        }).ToList();

        var writer = new AccessLogWriter(options, TimeProvider.System, NullLogger<AccessLogWriter>.Instance);
        await using (writer)
        {
            foreach (var entry in entries)
                Assert.True(writer.TryWrite(entry.Day, AccessLogLine.Format(entry, options, parser)));
        }
        var files = Directory.GetFiles(folder.Path, "access-*.log").Order().ToArray();
        Assert.Equal(2, files.Length);

        var report = Path.Combine(folder.Path, "report.json");
        var run = Process.Start(new ProcessStartInfo("goaccess")
        {
            ArgumentList =
            {
                files[0], files[1],
                "--no-global-config",
                $"--log-format={GoAccessFormat.LogFormat(fields)}",
                $"--datetime-format={GoAccessFormat.DateTimeFormat}",
                "-o", report,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        }) ?? throw new InvalidOperationException("goaccess did not start (.ci/run installs it: apt-get install goaccess)");
        run.StandardInput.Close();
        var stderr = run.StandardError.ReadToEndAsync();
        var stdout = run.StandardOutput.ReadToEndAsync();
        Assert.True(run.WaitForExit(20_000), "goaccess did not finish");
        Assert.True(run.ExitCode == 0, $"goaccess exited {run.ExitCode}: {await stderr}{await stdout}");

        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var general = json.RootElement.GetProperty("general");
        Assert.Equal(entries.Count, general.GetProperty("total_requests").GetInt32());
        Assert.Equal(entries.Count, general.GetProperty("valid_requests").GetInt32());
        Assert.Equal(0, general.GetProperty("failed_requests").GetInt32());

        // goaccess counts a visitor per day, address and user agent (here: our browser column).
        string Ip(AccessLogEntry e) => IpMask.Normalize(e.ClientIp!, maskIp).ToString();
        var visitors = entries.Select(e => (e.Day, Ip(e), parser.Parse(e.UserAgent!).BrowserText)).Distinct().Count();
        Assert.Equal(visitors, general.GetProperty("unique_visitors").GetInt32());

        var hosts = json.RootElement.GetProperty("hosts").GetProperty("data").EnumerateArray()
            .ToDictionary(h => h.GetProperty("data").GetString()!, h => h.GetProperty("hits").GetProperty("count").GetInt32());
        Assert.Equal(entries.GroupBy(Ip).ToDictionary(g => g.Key, g => g.Count()), hosts);

        var sites = json.RootElement.GetProperty("referring_sites").GetProperty("data").EnumerateArray()
            .ToDictionary(h => h.GetProperty("data").GetString()!, h => h.GetProperty("hits").GetProperty("count").GetInt32());
        var expectedSites = entries.Where(e => e.Referrer is not null).GroupBy(e => new Uri(e.Referrer!).Host).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expectedSites, sites);

        if (fields.HasFlag(AccessLogFields.Bytes))
            Assert.Equal(entries.Sum(e => e.Bytes!.Value), general.GetProperty("bandwidth").GetInt64());
        if (fields.HasFlag(AccessLogFields.Path))
        {
            var requests = json.RootElement.GetProperty("requests").GetProperty("data").EnumerateArray()
                .ToDictionary(h => h.GetProperty("data").GetString()!, h => h.GetProperty("hits").GetProperty("count").GetInt32());
            Assert.Equal(entries.GroupBy(e => e.Path!).ToDictionary(g => g.Key, g => g.Count()), requests);
        }
    }
}
