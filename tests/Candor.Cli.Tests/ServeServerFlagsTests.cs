using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Candor.Cli.Tests;

/// <summary><c>serve</c>'s HTTPS and proxy flags and their <c>candor: server:</c> counterparts; flags win.</summary>
public sealed class ServeServerFlagsTests
{
    [Fact]
    public async Task AnHttpsPortWithoutCertificateIsAnErrorNamingTheSetting()
    {
        using var site = TempSite.Good();
        var (exit, _, stderr) = await CandorProcess.RunAsync("serve", site.Source, "--port", FreePort().ToString(), "--https-port", FreePort().ToString(), "--no-watch");
        Assert.Equal(2, exit);
        Assert.Contains("candor.server.https_port", stderr);
    }

    [Fact]
    public async Task ABadConfigSettingIsReportedUnlessAFlagReplacesIt()
    {
        using var site = TempSite.Good();
        site.Write("_config.yml", "title: T\ncandor:\n  server:\n    trusted_proxies: [proxy.example]\n    self_signed: true\n");
        var (exit, _, stderr) = await CandorProcess.RunAsync("serve", site.Source, "--port", FreePort().ToString(), "--no-watch");
        Assert.Equal(2, exit);
        Assert.Contains("candor.server.trusted_proxies", stderr);

        int port = FreePort(), httpsPort = FreePort();
        using var candor = CandorProcess.Start("serve", site.Source, "--port", port.ToString(), "--https-port", httpsPort.ToString(), "--trusted-proxy", "10.0.0.1", "--no-watch");
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        HttpResponseMessage? redirect = null;
        // Kestrel binds its listeners one after another and the first answers at once; "Serving …" is
        // printed only when all of them are up, so wait for it before asking both ports.
        while (!candor.Stdout.Contains("Serving", StringComparison.Ordinal) && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(candor.HasExited, $"serve exited:\n{candor.Stdout}\n{candor.Stderr}");
            await Task.Delay(50);
        }
        while (redirect is null && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(candor.HasExited, $"serve exited:\n{candor.Stdout}\n{candor.Stderr}");
            try
            {
                redirect = await http.GetAsync($"http://127.0.0.1:{port}/about.html");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        Assert.NotNull(redirect);
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
        Assert.Equal($"https://127.0.0.1:{httpsPort}/about.html", redirect.Headers.Location?.ToString());
        using var page = await http.GetAsync(redirect.Headers.Location);
        Assert.Contains("original text", await page.Content.ReadAsStringAsync());
        Assert.True(File.Exists(Path.Combine(site.Source, ".candor", "tls", "localhost.pem")), "self-signed certificate not cached");
    }

    [Fact]
    public async Task TlsProxyRedirectsWhatTheProxyReportsAsPlainHttpAndNeedsATrustedProxy()
    {
        using var site = TempSite.Good();
        var (exit, _, stderr) = await CandorProcess.RunAsync("serve", site.Source, "--port", FreePort().ToString(), "--tls-proxy", "--no-watch");
        Assert.Equal(2, exit);
        Assert.Contains("tls_proxy", stderr);

        var port = FreePort();
        using var candor = CandorProcess.Start("serve", site.Source, "--port", port.ToString(), "--trusted-proxy", "127.0.0.1", "--tls-proxy", "--no-watch");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (!candor.Stdout.Contains("Serving", StringComparison.Ordinal) && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(candor.HasExited, $"serve exited:\n{candor.Stdout}\n{candor.Stderr}");
            await Task.Delay(50);
        }
        var plain = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/about.html");
        plain.Headers.Host = "www.example.org";
        plain.Headers.Add("X-Forwarded-Proto", "http");
        using var redirect = await http.SendAsync(plain);
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
        Assert.Equal("https://www.example.org/about.html", redirect.Headers.Location?.ToString());
        var secure = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/about.html");
        secure.Headers.Add("X-Forwarded-Proto", "https");
        using var page = await http.SendAsync(secure);
        Assert.Contains("original text", await page.Content.ReadAsStringAsync());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
