using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Candor.Cli.Tests;

/// <summary>Runs <c>candor serve</c> as a process on a free loopback port.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task ServesTheSiteA404PageAndRebuildsOnChange()
    {
        using var site = TempSite.Good();
        var port = FreePort();
        using var candor = CandorProcess.Start("serve", site.Source, "--port", port.ToString(), "--host", "127.0.0.1");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };

        await WaitUntilUp(candor, http);

        using (var index = await http.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, index.StatusCode);
            var body = await index.Content.ReadAsStringAsync();
            Assert.Contains("Welcome home", body);
            Assert.Contains("Hello", body);
        }
        using (var missing = await http.GetAsync("/missing"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("Custom not-found page", await missing.Content.ReadAsStringAsync());
        }

        Assert.Contains("original text", await http.GetStringAsync("/about.html"));
        site.Write("about.md", "---\nlayout: default\ntitle: About\n---\nAbout this site: edited while serving.\n");

        var watch = Stopwatch.StartNew();
        var seen = "";
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            seen = await http.GetStringAsync("/about.html");
            if (seen.Contains("edited while serving", StringComparison.Ordinal)) break;
            await Task.Delay(50);
        }
        Assert.True(seen.Contains("edited while serving", StringComparison.Ordinal),
            $"the served page did not change within 10 s:\n{seen}\nstdout:\n{candor.Stdout}\nstderr:\n{candor.Stderr}");
        Assert.False(candor.HasExited, $"serve exited:\n{candor.Stderr}");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task WaitUntilUp(CandorProcess candor, HttpClient http)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(candor.HasExited, $"serve exited early ({(candor.HasExited ? candor.ExitCode : 0)}):\nstdout:\n{candor.Stdout}\nstderr:\n{candor.Stderr}");
            try
            {
                using var response = await http.GetAsync("/");
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        Assert.Fail($"serve did not answer within 60 s:\nstdout:\n{candor.Stdout}\nstderr:\n{candor.Stderr}");
    }
}
