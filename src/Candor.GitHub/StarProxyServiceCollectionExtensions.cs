using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Candor.GitHub;

public static class StarProxyServiceCollectionExtensions
{
    /// <summary>Registers the GitHub star proxy; <c>endpoints.MapGitHubStarProxy()</c> then serves it.</summary>
    /// <exception cref="GitHubStarProxyConfigException">A setting is wrong.</exception>
    public static IServiceCollection AddGitHubStarProxy(this IServiceCollection services, GitHubStarProxyOptions options)
    {
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(sp => new StarProxy(options, sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
