using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Server.Tls;

/// <summary>
/// HSTS on every HTTPS response (including ones a trusted proxy reports as HTTPS), and, when Candor
/// listens on both a plain and an HTTPS port, a 308 from the plain one to the same URL over HTTPS
/// (308 rather than 301 so a POST stays a POST); behind a TLS proxy (<see cref="SiteServerOptions.TlsProxy"/>), the same
/// 308 for every request the proxy reports as plain HTTP.
/// </summary>
public static class HttpsEnforcement
{
    public static IServiceCollection AddHttpsEnforcement(this IServiceCollection services, SiteServerOptions options)
    {
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = options.HstsMaxAge;
            hsts.IncludeSubDomains = false; // other hosts under the domain are not ours to pin
            hsts.Preload = false;
            // HSTS binds a host name, not a port: pinning "localhost" would force HTTPS on every other local
            // development server for a year. Browsers ignore HSTS on IP addresses anyway, so nothing else is excluded.
            hsts.ExcludedHosts.Clear();
            hsts.ExcludedHosts.Add("localhost");
        });
        services.AddHttpsRedirection(redirect =>
        {
            redirect.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            // Port 0 (tests) is only known once bound; the middleware then finds it among the server's addresses.
            // Behind a TLS proxy the public HTTPS port is the standard one, whatever Candor itself listens on.
            redirect.HttpsPort = options.TlsProxy ? 443 : options.HttpsPort is > 0 and var port ? port : null;
        });
        return services;
    }

    public static IApplicationBuilder UseHttpsEnforcement(this IApplicationBuilder app, SiteServerOptions options)
    {
        app.UseHsts();
        if (options.UsesTls && options.HttpsPort is not null) app.UseHttpsRedirection();
        // Behind a TLS proxy, what it reports as plain HTTP goes to HTTPS — except the health check, which a local
        // monitor may call straight on Candor's port.
        else if (options.TlsProxy) app.UseWhen(context => context.Request.Path != Health.HealthEndpoint.Path, https => https.UseHttpsRedirection());
        return app;
    }
}
