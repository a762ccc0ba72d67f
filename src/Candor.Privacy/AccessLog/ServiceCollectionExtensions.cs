using Candor.Privacy.AccessLog;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>services.AddAccessLog(options)</c>: the writer, the User-Agent parser and the retention sweeper.</summary>
public static class AccessLogServiceCollectionExtensions
{
    public static IServiceCollection AddAccessLog(this IServiceCollection services, AccessLogOptions options)
    {
        options.Validate();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IUserAgentParser>(new CachingUserAgentParser(new MinimalUserAgentParser()));
        services.TryAddSingleton(sp => new AccessLogWriter(options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AccessLogWriter>>()));
        services.AddHostedService<RetentionSweeper>();
        return services;
    }
}
