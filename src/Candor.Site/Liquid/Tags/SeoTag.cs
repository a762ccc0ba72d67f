using Candor.Site.Liquid.Tags.Seo;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Candor.Site.Liquid.Tags;

/// <summary>
/// jekyll-seo-tag's <c>{% seo %}</c> (and <c>{% seo title=false %}</c>): title, description, canonical link,
/// Open Graph and Twitter meta tags and the JSON-LD block, rendered from <see cref="SeoTemplate"/> with the
/// values of <see cref="SeoDrop"/>. The template is parsed once per engine.
/// </summary>
internal static class SeoTag
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LiquidEngine, Templates> Parsed = new();

    private sealed class Templates(LiquidEngine engine)
    {
        public LiquidTemplate Seo { get; } = engine.Parse(SeoTemplate.Text, "jekyll-seo-tag template.html");
        public LiquidTemplate XmlSchema { get; } = engine.Parse("{{ value | date_to_xmlschema }}", "jekyll-seo-tag");
    }

    public static async ValueTask<Completion> RenderAsync(LiquidEngine engine, string markup, TextWriter writer, TemplateContext context)
    {
        var templates = Parsed.GetValue(engine, e => new Templates(e));
        var site = Hash(context.GetValue("site"));
        var page = Hash(context.GetValue("page"));
        var paginator = context.GetValue("paginator") is { } p && !p.IsNil() ? Hash(p) : null;
        var drop = new SeoDrop(engine.Host, page, site, paginator,
            date => engine.Render(templates.XmlSchema, new Dictionary<string, object?> { ["value"] = date }));
        var globals = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["site"] = site,
            ["page"] = page,
            ["paginator"] = paginator,
            ["jekyll"] = context.GetValue("jekyll").ToObjectValue(),
            ["seo_tag"] = drop.ToLiquid(markup),
        };
        await writer.WriteAsync(engine.Render(templates.Seo, globals));
        return Completion.Normal;
    }

    private static IReadOnlyDictionary<string, object?> Hash(FluidValue value) =>
        value.ToObjectValue() as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
}
