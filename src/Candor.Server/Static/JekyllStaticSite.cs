using Candor.Server.Snapshot;
using Microsoft.AspNetCore.Builder;

namespace Candor.Server.Static;

/// <summary>
/// Serves a built site the way GitHub Pages does. ASP.NET Core's static file middleware does the HTTP
/// work (ETag, Last-Modified, 304, Range, HEAD); Candor adds the URL rules, the content types, the
/// cache lifetimes, the site's own 404 page, and a file provider that cannot leave the site folder. With an
/// <see cref="AlternateBody"/> (ads on), visitors who opted out get the ad-free page here too, and on the 404 page.
/// </summary>
public static class JekyllStaticSite
{
    public static IApplicationBuilder UseJekyllStaticSite(this IApplicationBuilder app, string root, AlternateBody? alternate = null)
    {
        var files = new ContainedFileProvider(root);
        app.UseGitHubPagesUrls(files);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = ["index.html"] });
        // After the URL rules (the path now names the file), before the middleware that would send it with ads.
        app.UseAlternateBodyOnDisk(files, alternate);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = SiteContentTypes.Create(),
            // GitHub Pages serves every file in the site, whatever its extension.
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
            OnPrepareResponse = context => CachePolicy.Apply(context.Context.Response, context.File.Name),
        });
        app.Run(new NotFoundPage(files, alternate).Send);
        return app;
    }
}
