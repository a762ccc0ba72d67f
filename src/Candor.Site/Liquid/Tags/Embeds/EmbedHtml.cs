using System.Net;
using Fluid;

namespace Candor.Site.Liquid.Tags.Embeds;

/// <summary>Pieces every embed writes: escaping, and the one script (served by the site itself) that loads on click.</summary>
internal static class EmbedHtml
{
    /// <summary>
    /// Where the click-to-load script lives in the built site. The build writes it (see
    /// <c>Generators/EmbedScript</c>) so any site using the tags has it, with <c>script-src 'self'</c>.
    /// </summary>
    public const string ScriptPath = "/assets/js/candor-embeds.js";

    public static string Attr(string value) => WebUtility.HtmlEncode(value);

    /// <summary>
    /// The script tag, written next to each embed rather than once per page because a tag cannot see the rest of
    /// the page; the browser fetches it once and the script ignores its second and later runs.
    /// </summary>
    public static string Script(ILiquidHost host) => $"<script src=\"{Attr(host.BaseUrl + ScriptPath)}\" defer></script>";

    /// <summary>The page's own URL (<c>page.url</c>), or <c>/</c> when rendered outside a page.</summary>
    public static async ValueTask<string> PageUrlAsync(TemplateContext context)
    {
        var url = await context.GetValue("page").GetValueAsync("url", context);
        return url.IsNil() ? "/" : url.ToStringValue();
    }
}
