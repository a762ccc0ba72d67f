using Microsoft.AspNetCore.Builder;

namespace Candor.Server.Static;

/// <summary>
/// Serves a built site the way GitHub Pages does. ASP.NET Core's static file middleware does the HTTP
/// work (ETag, Last-Modified, 304, Range, HEAD); Candor adds the URL rules, the content types, the
/// cache lifetimes, the site's own 404 page, and a file provider that cannot leave the site folder.
/// </summary>
public static class JekyllStaticSite
{
    public static IApplicationBuilder UseJekyllStaticSite(this IApplicationBuilder app, string root)
    {
        var files = new ContainedFileProvider(root);
        app.UseGitHubPagesUrls(files);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = ["index.html"] });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = SiteContentTypes.Create(),
            // GitHub Pages serves every file in the site, whatever its extension.
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
            OnPrepareResponse = context => CachePolicy.Apply(context.Context.Response, context.File.Name),
        });
        app.Run(new NotFoundPage(files).Send);
        return app;
    }
}
