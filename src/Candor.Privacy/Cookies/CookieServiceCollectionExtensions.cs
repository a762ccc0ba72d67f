using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Candor.Privacy.Cookies;

public static class CookieServiceCollectionExtensions
{
    /// <summary>Adds cookies to the site's <see cref="CookieInventory"/>; each feature calls this where it is wired.</summary>
    public static IServiceCollection DeclareCookies(this IServiceCollection services, IEnumerable<CookieDeclaration> cookies)
    {
        foreach (var cookie in cookies) services.AddSingleton(cookie);
        services.TryAddSingleton(provider => new CookieInventory(provider.GetServices<CookieDeclaration>()));
        return services;
    }
}
