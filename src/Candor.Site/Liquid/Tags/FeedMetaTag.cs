using Candor.Site.Ruby;
using Fluid;
using Fluid.Ast;

namespace Candor.Site.Liquid.Tags;

/// <summary>
/// jekyll-feed's <c>{% feed_meta %}</c>: the <c>&lt;link rel="alternate"&gt;</c> pointing at the site's
/// Atom feed (<c>feed.path</c>, default <c>feed.xml</c>, made absolute), titled with the site's title or name.
/// </summary>
internal static class FeedMetaTag
{
    public static async ValueTask<Completion> RenderAsync(LiquidEngine engine, TextWriter writer, TemplateContext context)
    {
        var siteValue = context.GetValue("site");
        var feed = (await siteValue.GetValueAsync("feed", context)).ToObjectValue() as IReadOnlyDictionary<string, object?>;
        var path = feed?.GetValueOrDefault("path") is { } p ? RubyText.ToS(p) : "feed.xml";
        var title = (await siteValue.GetValueAsync("title", context)).ToObjectValue() ?? (await siteValue.GetValueAsync("name", context)).ToObjectValue();

        // Attribute order and quoting as the gem writes them (Ruby's String#encode(xml: :attr)).
        var link = $"<link type={Attr("application/atom+xml")} rel={Attr("alternate")} href={Attr(Filters.UrlFilters.Absolute(engine.Host, path))}";
        if (title is not null) link += $" title={Attr(RubyText.ToS(title))}";
        await writer.WriteAsync(link + " />");
        return Completion.Normal;
    }

    private static string Attr(string value) =>
        "\"" + value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal) + "\"";
}
