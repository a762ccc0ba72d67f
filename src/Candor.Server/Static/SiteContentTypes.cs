using Microsoft.AspNetCore.StaticFiles;

namespace Candor.Server.Static;

/// <summary>
/// ASP.NET Core's extension → MIME table, with <c>charset=utf-8</c> on text (Jekyll writes UTF-8, and
/// without a charset browsers guess) and the types static sites use that the table lacks or gets wrong.
/// </summary>
internal static class SiteContentTypes
{
    public static FileExtensionContentTypeProvider Create()
    {
        var provider = new FileExtensionContentTypeProvider();
        var map = provider.Mappings;
        map[".html"] = map[".htm"] = "text/html; charset=utf-8";
        map[".css"] = "text/css; charset=utf-8";
        map[".js"] = map[".mjs"] = "text/javascript; charset=utf-8";
        map[".json"] = map[".map"] = "application/json; charset=utf-8";
        map[".txt"] = "text/plain; charset=utf-8";
        map[".md"] = map[".markdown"] = "text/markdown; charset=utf-8";
        map[".xml"] = "application/xml; charset=utf-8";
        map[".xsl"] = "application/xslt+xml; charset=utf-8";
        map[".atom"] = "application/atom+xml; charset=utf-8";
        map[".rss"] = "application/rss+xml; charset=utf-8";
        map[".ics"] = "text/calendar; charset=utf-8";
        map[".svg"] = "image/svg+xml";
        map[".webmanifest"] = "application/manifest+json; charset=utf-8";
        map[".wasm"] = "application/wasm";
        map[".avif"] = "image/avif";
        map[".webp"] = "image/webp";
        map[".woff"] = "font/woff";
        map[".woff2"] = "font/woff2";
        map[".ttf"] = "font/ttf";
        map[".otf"] = "font/otf";
        return provider;
    }
}
