using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Privacy.Cookies;

public static class CookieInventoryCheckExtensions
{
    /// <summary>Checks every <c>Set-Cookie</c> against the inventory; put it early, so every later step is covered.</summary>
    public static IApplicationBuilder UseCookieInventoryCheck(this IApplicationBuilder app)
    {
        // A site with no cookie-setting feature still gets an (empty) inventory, so nothing slips through.
        _ = app.ApplicationServices.GetService<CookieInventory>() ?? throw new InvalidOperationException("Call services.DeclareCookies(…) (even with no cookies) before UseCookieInventoryCheck.");
        return app.UseMiddleware<CookieInventoryCheck>();
    }
}
