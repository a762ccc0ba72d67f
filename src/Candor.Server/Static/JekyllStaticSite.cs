using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Candor.Server.Static;

/// <summary>
/// Serves a built site with GitHub Pages' URL rules: <c>/dir/</c> → <c>dir/index.html</c>,
/// <c>/page</c> → <c>page.html</c>, <c>/dir</c> → redirect to <c>/dir/</c>, and the site's
/// <c>404.html</c> with status 404 for anything else.
/// </summary>
public static class JekyllStaticSite
{
    public static IApplicationBuilder UseJekyllStaticSite(this IApplicationBuilder app, string root)
    {
        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (!path.EndsWith('/') && !Path.HasExtension(path))
            {
                if (files.GetFileInfo(path + ".html").Exists) context.Request.Path = path + ".html";
                else if (files.GetDirectoryContents(path).Exists && files.GetFileInfo(path + "/index.html").Exists)
                {
                    context.Response.Redirect(path + "/" + context.Request.QueryString, permanent: true);
                    return;
                }
            }
            await next();
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, DefaultFileNames = ["index.html"] });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true, DefaultContentType = "application/octet-stream" });
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            var notFound = files.GetFileInfo("404.html");
            if (notFound.Exists)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.SendFileAsync(notFound);
            }
        });
        return app;
    }
}
