using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;

namespace Candor.Site.Liquid.Tags;

/// <summary>
/// Jekyll's <c>post_url</c> and <c>link</c> tags: URLs of other documents, failing the build when missing.
/// The host gives the document's URL; like Jekyll 4, the tag puts the site's baseurl in front.
/// </summary>
internal static class UrlTags
{
    /// <summary>The tag's argument, which Jekyll renders as Liquid first when it contains <c>{{ }}</c>.</summary>
    public sealed record Markup(string Text, IFluidTemplate? Template, int Line);

    public static Markup Parse(string text, FluidParser parser, int line)
    {
        text = text.Trim();
        if (text.Length == 0) throw new ParseException("The tag needs a name");
        IFluidTemplate? template = null;
        if (text.Contains("{{", StringComparison.Ordinal) && !parser.TryParse(text, out template, out var error))
            throw new ParseException(error);
        return new Markup(text, template, line);
    }

    public static async ValueTask<Completion> PostUrlAsync(LiquidEngine engine, Markup markup, TextWriter writer, TemplateContext context)
    {
        var name = await ResolveAsync(markup, context);
        var url = engine.Host.PostUrl(name) ?? throw Missing(context, markup,
            $"Could not find post \"{name}\" in tag 'post_url'. Make sure the post exists and the name is correct.");
        await writer.WriteAsync(Filters.UrlFilters.Relative(engine.Host, url));
        return Completion.Normal;
    }

    public static async ValueTask<Completion> LinkAsync(LiquidEngine engine, Markup markup, TextWriter writer, TemplateContext context)
    {
        var path = await ResolveAsync(markup, context);
        var url = engine.Host.LinkUrl(path) ?? throw Missing(context, markup,
            $"Could not find document '{path}' in tag 'link'. Make sure the document exists and the path is correct.");
        await writer.WriteAsync(Filters.UrlFilters.Relative(engine.Host, url));
        return Completion.Normal;
    }

    private static async ValueTask<string> ResolveAsync(Markup markup, TemplateContext context)
    {
        if (markup.Template is null) return markup.Text;
        using var writer = new StringWriter();
        await markup.Template.RenderAsync(writer, NullEncoder.Default, context);
        return writer.ToString().Trim();
    }

    private static SiteException Missing(TemplateContext context, Markup markup, string message)
    {
        var current = RenderState.Of(context).Current;
        return new SiteException(current.Path, current.LineOffset + markup.Line, message);
    }
}
