using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Candor.Server.Static;

/// <summary>
/// GitHub Pages' URL rules on top of plain static files: <c>/page</c> serves <c>page.html</c> when
/// there is no file called <c>page</c>, and <c>/dir</c> redirects (301) to <c>/dir/</c> when that
/// folder has an <c>index.html</c> (which the default-files middleware then serves).
/// </summary>
public static class GitHubPagesUrls
{
    public static IApplicationBuilder UseGitHubPagesUrls(this IApplicationBuilder app, IFileProvider files) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path.Value ?? "/";
        if (!path.EndsWith('/') && !files.GetFileInfo(path).Exists)
        {
            if (files.GetFileInfo(path + ".html").Exists)
            {
                context.Request.Path = path + ".html";
            }
            else if (files.GetFileInfo(path + "/index.html").Exists)
            {
                // One leading slash only: "//host/dir" must never become a redirect to another host.
                var target = new PathString("/" + path.TrimStart('/') + "/");
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = target.ToUriComponent() + context.Request.QueryString.ToUriComponent();
                return;
            }
        }
        await next();
    });
}
