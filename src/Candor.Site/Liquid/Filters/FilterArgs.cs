using Candor.Site.Liquid.Values;
using Fluid.Values;

namespace Candor.Site.Liquid.Filters;

/// <summary>Small helpers shared by the filter groups: Ruby's view of values.</summary>
internal static class FilterArgs
{
    public static bool IsNil(this FluidValue value) => value is NilValue or UndefinedValue || value.IsNil();

    /// <summary>Liquid's InputIterator: arrays as they are, hashes as [key, value] pairs, nil as nothing, anything else alone.</summary>
    public static IReadOnlyList<FluidValue> Items(this FluidValue value, Fluid.TemplateContext context) => value switch
    {
        ArrayValue array => array.Values,
        HashValue hash => [hash],
        _ when value.IsNil() => [],
        _ => [value],
    };

    public static string S(this FluidValue value) => RubyFormat.ToS(value);

    public static ArrayValue Array(IEnumerable<FluidValue> values) => new(values.ToArray());

    /// <summary>Reads a property of an item the way Jekyll's <c>item_property</c> does, following dots.</summary>
    public static async ValueTask<FluidValue> PropertyAsync(FluidValue item, string property, Fluid.TemplateContext context)
    {
        var current = item;
        foreach (var part in property.Split('.'))
        {
            if (current.IsNil()) return NilValue.Instance;
            current = await current.GetValueAsync(part, context);
        }
        return current;
    }
}
