using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Privacy.Consent;

/// <summary>
/// <c>GET /privacy/opt-out/ads</c> and <c>GET /privacy/opt-in/ads</c>: plain links that work without JavaScript.
/// They set (or remove) <see cref="AdsOptOutCookie"/> and send the visitor back with a 303.
/// </summary>
public static class ConsentEndpoints
{
    public const string OptOutPath = "/privacy/opt-out/ads";
    public const string OptInPath = "/privacy/opt-in/ads";

    public static IServiceCollection AddConsent(this IServiceCollection services, ConsentOptions options) =>
        services.AddSingleton(options);

    /// <summary>Maps the ads opt-out and opt-in links when the site shows ads (without ads there is nothing to opt out of).</summary>
    public static IEndpointRouteBuilder MapConsent(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<ConsentOptions>();
        if (!options.AdsEnabled) return endpoints;
        endpoints.MapGet(OptOutPath, context => Answer(context, optOut: true));
        endpoints.MapGet(OptInPath, context => Answer(context, optOut: false));
        return endpoints;
    }

    private static Task Answer(HttpContext context, bool optOut)
    {
        var cookie = new CookieOptions
        {
            Path = "/",
            HttpOnly = true, // only the server reads it
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax, // sent on the top-level navigation back to the page
            IsEssential = true,
        };
        if (optOut)
        {
            cookie.MaxAge = AdsOptOutCookie.Lifetime;
            context.Response.Cookies.Append(AdsOptOutCookie.Name, AdsOptOutCookie.Value, cookie);
        }
        else
        {
            context.Response.Cookies.Delete(AdsOptOutCookie.Name, cookie);
        }
        context.Response.Headers.CacheControl = "no-store";
        // 303: the browser follows with a GET, and the next page view carries (or no longer carries) the cookie.
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = ReturnPath.For(context.Request);
        return Task.CompletedTask;
    }
}
