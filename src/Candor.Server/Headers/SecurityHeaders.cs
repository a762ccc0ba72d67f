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

    /// <summary>The policy of answers that are data, never a document: nothing may load, nothing may frame them.</summary>
    public const string DataContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <param name="dataPaths">
    /// Paths whose answers are data for scripts (the analytics endpoint's "ok"), never rendered: they get
    /// <see cref="DataContentSecurityPolicy"/>, nosniff, DENY and the resource policy, but not the headers that only act
    /// on documents (Permissions-Policy, Referrer-Policy) — about 500 bytes less on every analytics event.
    /// </param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IReadOnlyCollection<string>? dataPaths = null)
    {
        var csp = app.ApplicationServices.GetRequiredService<IOptions<ContentSecurityPolicy>>().Value.ToString();
        // Values and callbacks made once: a request then registers its callback without allocating anything.
        Func<object, Task> documentHeaders = new HeaderValues(csp).AddDocumentHeadersTo;
        Func<object, Task> dataHeaders = new HeaderValues(DataContentSecurityPolicy).AddDataHeadersTo;
        var data = dataPaths ?? [];
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(PathList.Contains(data, context.Request.Path) ? dataHeaders : documentHeaders, context);
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

        /// <summary>For documents: the data headers plus those that act on a rendered page.</summary>
        public Task AddDocumentHeadersTo(object state)
        {
            var headers = AddCommon(state);
            headers.TryAdd("Referrer-Policy", _referrerPolicy);
            headers.TryAdd("Permissions-Policy", _permissionsPolicy);
            return Task.CompletedTask;
        }

        public Task AddDataHeadersTo(object state)
        {
            AddCommon(state);
            return Task.CompletedTask;
        }

        private IHeaderDictionary AddCommon(object state)
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.TryAdd("Content-Security-Policy", _csp);
            headers.TryAdd("X-Content-Type-Options", _noSniff);
            headers.TryAdd("X-Frame-Options", _frameOptions);
            headers.TryAdd("Cross-Origin-Resource-Policy", _resourcePolicy);
            return headers;
        }
    }
}
