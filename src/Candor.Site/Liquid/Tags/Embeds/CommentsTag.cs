using Fluid;
using Fluid.Ast;

namespace Candor.Site.Liquid.Tags.Embeds;

/// <summary>
/// <c>{% comments %}</c>, placed in a layout: on pages with <c>comments: true</c>, a "Load comments from FORUM"
/// button; a click loads Discourse's embed (<c>FORUM/embed/comments?embed_url=PAGE</c>) as an iframe. Discourse's
/// own <c>embed.js</c> is not used: it would be a request to the forum before the click.
/// </summary>
internal static class CommentsTag
{
    public static async ValueTask<Completion> RenderAsync(LiquidEngine engine, int line, TextWriter writer, TemplateContext context)
    {
        var enabled = await context.GetValue("page").GetValueAsync("comments", context);
        if (!enabled.ToBooleanValue()) return Completion.Normal;
        var settings = await EmbedSettings.ReadAsync(context);
        if (settings.Forum is not { } forum || !Uri.TryCreate(forum, UriKind.Absolute, out var forumUri) || forumUri.Scheme is not ("https" or "http"))
        {
            var where = RenderState.Of(context).Current;
            throw new SiteException(where.Path, where.LineOffset + line,
                "a page has `comments: true` but `candor: embeds: comments: forum:` is not an http(s) URL");
        }
        var pageUrl = Filters.UrlFilters.Absolute(engine.Host, await EmbedHtml.PageUrlAsync(context));
        var src = $"{forum}/embed/comments?embed_url={Uri.EscapeDataString(pageUrl)}";
        await writer.WriteAsync($"""
            <section class="candor-embed candor-comments" data-candor-embed="comments" data-src="{EmbedHtml.Attr(src)}" data-title="Comments from {EmbedHtml.Attr(forumUri.Host)}">
            <button type="button" class="candor-embed-load">Load comments from {EmbedHtml.Attr(forumUri.Host)}</button>
            <p class="candor-embed-notice">Comments live on our forum at {EmbedHtml.Attr(forumUri.Host)}; your browser contacts it only when you click.</p>
            </section>
            {EmbedHtml.Script(engine.Host)}
            """);
        return Completion.Normal;
    }
}
