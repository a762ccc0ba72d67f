using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Candor.Server.Tls;

/// <summary>
/// Kestrel's sockets. Without TLS: plain HTTP on the port. With a certificate and an HTTPS port: plain
/// HTTP on the port (it only redirects) and HTTPS on the HTTPS port. With a certificate and no HTTPS
/// port: HTTPS alone on the port. HTTPS speaks TLS 1.2 and 1.3 only, HTTP/1.1 and HTTP/2 (ALPN).
/// </summary>
public static class Listeners
{
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    public static IWebHostBuilder UseCandorListeners(this IWebHostBuilder web, SiteServerOptions options, X509Certificate2? certificate)
    {
        web.UseKestrelHttpsConfiguration();
        return web.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false; // "Server: Kestrel" helps nobody but people scanning for versions
            var https = new HttpsConnectionAdapterOptions { ServerCertificate = certificate, SslProtocols = Protocols };
            void Secure(ListenOptions listen)
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(https);
            }
            if (certificate is null) Listen(kestrel, options.Host, options.Port, _ => { });
            else if (options.HttpsPort is { } httpsPort)
            {
                Listen(kestrel, options.Host, options.Port, _ => { });
                Listen(kestrel, options.Host, httpsPort, Secure);
            }
            else Listen(kestrel, options.Host, options.Port, Secure);
        });
    }

    private static void Listen(KestrelServerOptions kestrel, string host, int port, Action<ListenOptions> configure)
    {
        if (host == "localhost") kestrel.ListenLocalhost(port, configure);
        else if (host is "*" or "+") kestrel.ListenAnyIP(port, configure);
        else if (IPAddress.TryParse(host.Trim('[', ']'), out var address)) kestrel.Listen(address, port, configure);
        else throw new ServerConfigException("host", $"'{host}' is not an IP address, 'localhost' or '*'");
    }
}
