using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Candor.Site.Liquid.Tags;

/// <summary>
/// Liquid 4's <c>increment</c>/<c>decrement</c>: one counter per name for the whole render, separate from
/// assigned variables, yet readable as <c>{{ name }}</c> when no variable of that name exists.
/// </summary>
internal static class CounterTags
{
    public static async ValueTask<Completion> IncrementAsync(string name, TextWriter writer, TemplateContext context)
    {
        var counters = RenderState.Of(context).Counters;
        var value = counters.GetValueOrDefault(name);
        counters[name] = value + 1;
        await writer.WriteAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Completion.Normal;
    }

    public static async ValueTask<Completion> DecrementAsync(string name, TextWriter writer, TemplateContext context)
    {
        var counters = RenderState.Of(context).Counters;
        var value = counters.GetValueOrDefault(name) - 1;
        counters[name] = value;
        await writer.WriteAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Completion.Normal;
    }

    /// <summary>Lookup of a name no scope defines: a counter if there is one, else nothing (lax Liquid).</summary>
    public static ValueTask<FluidValue> Undefined(TemplateContext context, string name) =>
        new(RenderState.Of(context).Counters.TryGetValue(name, out var value) ? NumberValue.Create(value) : NilValue.Instance);
}
