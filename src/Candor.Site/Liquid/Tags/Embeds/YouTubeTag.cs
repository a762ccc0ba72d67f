using Fluid;
using Fluid.Ast;

namespace Candor.Site.Liquid.Tags.Embeds;

/// <summary>
/// <c>{% youtube VIDEO_ID title="…" %}</c> (also what <c>{% include youtube.html vid="…" %}</c> renders when the
/// site has no such include): a button showing the preview from the site itself; only a click makes the
/// script swap in the <c>youtube-nocookie.com</c> player. Nothing is requested from Google before that — no
/// poster from i.ytimg.com, no preconnect.
/// </summary>
internal static class YouTubeTag
{
    public const string PlayerOrigin = "https://www.youtube-nocookie.com";
    public const string ProviderPolicy = "https://policies.google.com/privacy";

    public static async ValueTask<Completion> RenderAsync(LiquidEngine engine, IncludeMarkup markup, TextWriter writer, TemplateContext context)
    {
        var id = (await markup.NameAsync(context)).Trim();
        var parameters = await markup.ParametersAsync(context);
        var title = Text(parameters.Hash.GetValueOrDefault("title")) is { Length: > 0 } s ? s : null;
        await writer.WriteAsync(Render(engine.Host, id, title, RenderState.Of(context).Current, markup.Line));
        return Completion.Normal;
    }

    /// <summary>A tag parameter as text (parameters hold Liquid values); null for nil.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        Fluid.Values.FluidValue v => v.IsNil() ? null : v.ToStringValue(),
        var other => other.ToString(),
    };

    /// <summary>The placeholder markup; <paramref name="where"/> and <paramref name="line"/> locate errors and warnings.</summary>
    public static string Render(ILiquidHost host, string id, string? title, LiquidTemplate where, int line)
    {
        if (!VideoPreview.IsVideoId(id))
            throw new SiteException(where.Path, where.LineOffset + line, $"'{id}' is not a YouTube video id (11 letters, digits, '-' or '_')");
        host.VideoRendered(id);
        var preview = host.LinkUrl(VideoPreview.RelativePath(id)) is { } url ? host.BaseUrl + url : null;
        if (preview is null)
            host.Warn(new SiteError(where.Path, where.LineOffset + line,
                $"no preview for video {id} in {VideoPreview.Folder}/: using a neutral placeholder (run `candor previews fetch` to download it)"));
        var label = title ?? "Video";
        var src = $"{PlayerOrigin}/embed/{id}?autoplay=1";
        return $"""
            <figure class="candor-embed candor-video" data-candor-embed="video" data-src="{EmbedHtml.Attr(src)}" data-title="{EmbedHtml.Attr(label)}">
            <button type="button" class="candor-embed-play" aria-label="Play video: {EmbedHtml.Attr(label)} (loads it from YouTube)">
            <img src="{EmbedHtml.Attr(preview ?? VideoPreview.PlaceholderDataUrl)}" alt="" width="480" height="360" decoding="async"><span class="candor-embed-icon" aria-hidden="true">▶</span><span class="candor-embed-title">{EmbedHtml.Attr(label)}</span>
            </button>
            <figcaption class="candor-embed-notice">Playing this video loads it from YouTube (Google); nothing is sent to YouTube before you click. <a href="{ProviderPolicy}" rel="noopener noreferrer">YouTube's privacy policy</a></figcaption>
            </figure>
            {EmbedHtml.Script(host)}
            """;
    }
}
