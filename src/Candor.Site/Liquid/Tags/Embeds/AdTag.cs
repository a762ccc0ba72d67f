using System.Net;
using Fluid;
using Fluid.Ast;

namespace Candor.Site.Liquid.Tags.Embeds;

/// <summary>
/// <c>{% ad %}</c>: a Carbon-style slot (<c>&lt;script async src="…" id="_carbonads_js"&gt;</c>, URL from
/// <c>candor: ads: script:</c>) with a plain "Hide ads" link. The slot sits between markers so the server can send
/// opted-out visitors the same page without it:
/// <c>&lt;!--candor:ad--&gt;SLOT&lt;!--candor:ad-else ALTERNATIVE candor:ad-end--&gt;</c>. Everyone else sees the
/// slot, the alternative ("Ads are off · Show ads") being inside a comment; opted-out visitors get the alternative
/// only. The markers must match <c>Candor.Privacy.Consent.AdBlock</c>.
/// </summary>
internal static class AdTag
{
    public const string Start = "<!--candor:ad-->";
    public const string Else = "<!--candor:ad-else";
    public const string End = "candor:ad-end-->";
    public const string OptOutPath = "/privacy/opt-out/ads";
    public const string OptInPath = "/privacy/opt-in/ads";

    public static async ValueTask<Completion> RenderAsync(LiquidEngine engine, int line, TextWriter writer, TemplateContext context)
    {
        var settings = await EmbedSettings.ReadAsync(context);
        if (settings.AdScript is not { } script || !Uri.TryCreate(script, UriKind.Absolute, out var uri) || uri.Scheme != "https")
        {
            var where = RenderState.Of(context).Current;
            throw new SiteException(where.Path, where.LineOffset + line, "`{% ad %}` needs `candor: ads: script:` set to an https URL");
        }
        // The return path is the page's own, so the opt-out and opt-in links work without JavaScript.
        var back = WebUtility.UrlEncode(engine.Host.BaseUrl + await EmbedHtml.PageUrlAsync(context));
        var host = engine.Host.BaseUrl;
        await writer.WriteAsync(
            $"{Start}<aside class=\"candor-ad\" aria-label=\"Advertisement\"><script async src=\"{EmbedHtml.Attr(script)}\" id=\"_carbonads_js\"></script>" +
            $"<p class=\"candor-ad-choice\"><a href=\"{host}{OptOutPath}?return={back}\">Hide ads</a></p></aside>" +
            $"{Else} <p class=\"candor-ad-choice\">Ads are off. <a href=\"{host}{OptInPath}?return={back}\">Show ads</a></p> {End}");
        return Completion.Normal;
    }
}
