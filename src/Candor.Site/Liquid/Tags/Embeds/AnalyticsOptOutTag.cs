using Fluid;
using Fluid.Ast;

namespace Candor.Site.Liquid.Tags.Embeds;

/// <summary>
/// <c>{% analytics_opt_out %}</c>: a section whose button sets (or removes) <c>localStorage.plausible_ignore</c>,
/// the flag Plausible-compatible trackers honour, and shows the current state. It needs JavaScript (the flag
/// lives in the browser), so without it the section says so.
/// </summary>
internal static class AnalyticsOptOutTag
{
    public static async ValueTask<Completion> RenderAsync(LiquidEngine engine, TextWriter writer)
    {
        await writer.WriteAsync($"""
            <section class="candor-analytics-opt-out" data-candor-analytics-opt-out>
            <p>Visit counting in this browser: <strong data-candor-state>unknown (needs JavaScript)</strong></p>
            <button type="button" hidden>Do not count my visits</button>
            </section>
            {EmbedHtml.Script(engine.Host)}
            """);
        return Completion.Normal;
    }
}
