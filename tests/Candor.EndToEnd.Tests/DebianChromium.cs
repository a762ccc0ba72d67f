using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Candor.EndToEnd.Tests;

/// <summary>
/// The one way these tests start a browser: Debian's Chromium (never a downloaded one), with the flags that
/// keep it from reaching for Google's services on a machine without a network.
/// </summary>
internal static class DebianChromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Timeout = 30_000,
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    /// <summary>A port on 127.0.0.1 that was free a moment ago, for servers the test starts itself.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
