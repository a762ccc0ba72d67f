using Candor.Site.Liquid.Tags;
using Candor.Site.Liquid.Tags.Embeds;
using Fluid;
using Parlot;
using Parlot.Fluent;
using static Parlot.Fluent.Parsers;

namespace Candor.Site.Liquid;

/// <summary>
/// Fluid's Liquid grammar with Jekyll's tags, whose arguments (<c>include nav.html title="x"</c>,
/// <c>highlight ruby linenos</c>) are not Liquid expressions and so are read as raw text.
/// </summary>
internal sealed class JekyllParser : FluidParser
{
    public JekyllParser(LiquidEngine engine)
    {
        var markup = AnyCharBefore(TagEnd, canBeEmpty: true).Then((context, text) => (Text: text.ToString(), Line: LineOf(context)));

        RegisterParserTag("include", markup.Then(m => new IncludeMarkup(m.Text, this, m.Line)),
            (m, writer, encoder, context) => IncludeTag.RenderAsync(engine, m, relative: false, writer, encoder, context));
        RegisterParserTag("include_relative", markup.Then(m => new IncludeMarkup(m.Text, this, m.Line)),
            (m, writer, encoder, context) => IncludeTag.RenderAsync(engine, m, relative: true, writer, encoder, context));
        RegisterParserBlock("highlight", markup.Then(m => HighlightTag.Parse(m.Text)), HighlightTag.RenderAsync);
        RegisterParserTag("post_url", markup.Then(m => UrlTags.Parse(m.Text, this, m.Line)),
            (m, writer, _, context) => UrlTags.PostUrlAsync(engine, m, writer, context));
        RegisterParserTag("link", markup.Then(m => UrlTags.Parse(m.Text, this, m.Line)),
            (m, writer, _, context) => UrlTags.LinkAsync(engine, m, writer, context));
        // Plugin tags (jekyll-feed, jekyll-seo-tag); available whether or not the site lists the plugin.
        RegisterParserTag("feed_meta", markup, (_, writer, _, context) => FeedMetaTag.RenderAsync(engine, writer, context));
        RegisterParserTag("seo", markup, (m, writer, _, context) => SeoTag.RenderAsync(engine, m.Text, writer, context));

        // Candor's privacy-preserving embeds (Jekyll has none of these; the differential fixtures do not use them).
        RegisterParserTag("youtube", markup.Then(m => new IncludeMarkup(m.Text, this, m.Line)),
            (m, writer, _, context) => YouTubeTag.RenderAsync(engine, m, writer, context));
        RegisterParserTag("comments", markup, (m, writer, _, context) => CommentsTag.RenderAsync(engine, m.Line, writer, context));
        RegisterParserTag("ad", markup, (m, writer, _, context) => AdTag.RenderAsync(engine, m.Line, writer, context));
        RegisterParserTag("analytics_opt_out", markup, (_, writer, _, _) => AnalyticsOptOutTag.RenderAsync(engine, writer));

        RegisterIdentifierTag("increment", (name, writer, _, context) => CounterTags.IncrementAsync(name, writer, context));
        RegisterIdentifierTag("decrement", (name, writer, _, context) => CounterTags.DecrementAsync(name, writer, context));

        TimeComparison.Register(this);

        // `liquid` and `echo` stay: Jekyll 4.3 asks for Liquid 4, but common installs (Debian's) run it on
        // Liquid 5, which has them. `render` would need Fluid's file provider and is not a Jekyll idiom;
        // `macro`/`from` are Fluid's own.
        RegisteredTags.Remove("render");
        RegisteredTags.Remove("macro");
        RegisteredTags.Remove("from");
    }

    private static int LineOf(ParseContext context) => context.Scanner.Cursor.Position.Line;
}
