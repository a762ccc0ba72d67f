using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.Server.Snapshot;

public static class SiteSnapshotApplicationBuilderExtensions
{
    /// <summary>Serves files from the <see cref="SiteSnapshot"/> registered by <c>services.AddSiteSnapshot</c>.</summary>
    public static IApplicationBuilder UseSiteSnapshot(this IApplicationBuilder app)
    {
        var snapshot = app.ApplicationServices.GetRequiredService<SiteSnapshot>();
        return app.Use(next => new SiteSnapshotMiddleware(next, snapshot).Invoke);
    }

    /// <summary>One snapshot of <paramref name="root"/> for the host's lifetime (its folder watcher stops with the host).</summary>
    public static IServiceCollection AddSiteSnapshot(this IServiceCollection services, string root, AlternateBody? alternate = null) =>
        services.AddSingleton(_ => new SiteSnapshot(root, alternate));
}
