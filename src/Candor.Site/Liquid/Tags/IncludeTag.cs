using System.Text.Encodings.Web;
using Candor.Site.Liquid.Values;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Candor.Site.Liquid.Tags;

/// <summary>Jekyll's <c>include</c> and <c>include_relative</c> tags.</summary>
internal static class IncludeTag
{
    // Jekyll stops runaway recursion too; a page including itself would otherwise overflow the stack.
    private const int MaxDepth = 100;

    public static async ValueTask<Completion> RenderAsync(
        LiquidEngine engine, IncludeMarkup markup, bool relative, TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var state = RenderState.Of(context);
        var including = state.Current;
        var name = await markup.NameAsync(context);
        var found = relative ? engine.Host.FindRelativeInclude(name, including.Path) : engine.Host.FindInclude(name);
        if (found is null && !relative && name == "youtube.html" && markup.HasParameters)
        {
            // The common `{% include youtube.html vid="…" %}` of Jekyll themes, for sites without that include.
            var parameters = (await markup.ParametersAsync(context)).Hash;
            var id = parameters.GetValueOrDefault("vid") ?? parameters.GetValueOrDefault("id");
            var title = Embeds.YouTubeTag.Text(parameters.GetValueOrDefault("title"));
            await writer.WriteAsync(Embeds.YouTubeTag.Render(engine.Host, Embeds.YouTubeTag.Text(id) ?? "", string.IsNullOrEmpty(title) ? null : title, including, markup.Line));
            return Completion.Normal;
        }
        if (found is not { } include)
        {
            var where = relative ? $"relative to '{including.Path}'" : "in the includes folder";
            throw new SiteException(including.Path, including.LineOffset + markup.Line,
                $"Could not locate the included file '{name}' {where} (tag '{(relative ? "include_relative" : "include")}' in '{including.Path}')");
        }
        if (state.Depth > MaxDepth)
            throw new SiteException(including.Path, including.LineOffset + markup.Line, $"Include nesting too deep at '{name}' (recursive include?)");

        var template = engine.ParseInclude(include.Text, include.Path);

        // Like Jekyll (Liquid 4), an include shares the page's variables: only `include` is set for it
        // and put back afterwards, so `assign` inside an include is seen by the page.
        FluidValue? previous = null;
        if (markup.HasParameters)
        {
            var parameters = await markup.ParametersAsync(context);
            previous = context.GetValue("include");
            context.SetValue("include", parameters);
        }
        state.Enter(template);
        try
        {
            await template.Fluid.RenderAsync(writer, encoder, context);
        }
        catch (Exception e) when (e is not SiteException)
        {
            throw new SiteException(template.Path, null, $"Liquid error in '{template.Path}': {e.Message}", e);
        }
        finally
        {
            state.Leave();
            if (previous is not null) context.SetValue("include", previous);
        }
        return Completion.Normal;
    }
}
