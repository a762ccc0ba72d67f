using Candor.Server.Static;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Candor.Server;

/// <summary>
/// The composition root: one Kestrel host serving the built site. Each part of Candor adds its own
/// <c>services.AddX()</c>/<c>app.MapX()</c> pair here, so this file lists what the server does.
/// </summary>
public static class SiteServer
{
    public static WebApplication Create(SiteServerOptions options, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [], ContentRootPath = options.SiteRoot, WebRootPath = options.SiteRoot });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://{(options.Host.Contains(':') ? $"[{options.Host}]" : options.Host)}:{options.Port}");
        var app = builder.Build();
        app.UseJekyllStaticSite(options.SiteRoot);
        return app;
    }
}
