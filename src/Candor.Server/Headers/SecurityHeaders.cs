using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

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
        // Values and callback made once: a request then registers the callback without allocating anything.
        Func<object, Task> addHeaders = new HeaderValues(csp).AddTo;
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(addHeaders, context);
            return next(context);
        });
    }

    private sealed class HeaderValues(string csp)
    {
        private readonly StringValues _csp = csp;
        private readonly StringValues _referrerPolicy = "same-origin";
        private readonly StringValues _noSniff = "nosniff";
        private readonly StringValues _frameOptions = "DENY"; // frame-ancestors, for browsers too old to know it
        private readonly StringValues _permissionsPolicy = PermissionsPolicy;
        private readonly StringValues _resourcePolicy = "same-origin";

        public Task AddTo(object state)
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.TryAdd("Content-Security-Policy", _csp);
            headers.TryAdd("Referrer-Policy", _referrerPolicy);
            headers.TryAdd("X-Content-Type-Options", _noSniff);
            headers.TryAdd("X-Frame-Options", _frameOptions);
            headers.TryAdd("Permissions-Policy", _permissionsPolicy);
            headers.TryAdd("Cross-Origin-Resource-Policy", _resourcePolicy);
            return Task.CompletedTask;
        }
    }
}
