using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Candor.Server.Headers;

/// <summary>
/// Headers on every response — pages, files, redirects, errors. A response that already carries one
/// (a feature that needs a different policy for its own endpoint) keeps its own.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Turns off powerful features nothing on a static site uses, and opts out of interest-based ad
    /// targeting (Topics). FLoC's <c>interest-cohort</c> is left out: Chrome dropped FLoC and now logs an
    /// error for the unknown feature on every page.
    /// </summary>
    public const string PermissionsPolicy =
        "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), " +
        "magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=()";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.AddOptions<ContentSecurityPolicy>();
        return services;
    }

    /// <summary>Lets a feature allow what it needs (see <see cref="ContentSecurityPolicy"/>).</summary>
    public static IServiceCollection WidenContentSecurityPolicy(this IServiceCollection services, Action<ContentSecurityPolicy> widen) =>
        services.Configure(widen);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var csp = app.ApplicationServices.GetRequiredService<IOptions<ContentSecurityPolicy>>().Value.ToString();
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.TryAdd("Content-Security-Policy", csp);
                headers.TryAdd("Referrer-Policy", "same-origin");
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                headers.TryAdd("X-Frame-Options", "DENY"); // frame-ancestors, for browsers too old to know it
                headers.TryAdd("Permissions-Policy", PermissionsPolicy);
                headers.TryAdd("Cross-Origin-Resource-Policy", "same-origin");
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
