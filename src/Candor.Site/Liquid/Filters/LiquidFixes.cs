using Candor.Site.Liquid.Values;
using Fluid;
using Fluid.Values;

namespace Candor.Site.Liquid.Filters;

/// <summary>Standard Liquid filters where Fluid's behaviour differs from Ruby Liquid 4 in ways Jekyll sites see.</summary>
internal static class LiquidFixes
{
    public static FilterCollection WithLiquidFixes(this FilterCollection filters)
    {
        filters.AddFilter("round", Round);
        filters.AddFilter("divided_by", DividedBy);
        filters.AddFilter("size", Size);
        filters.AddFilter("first", First);
        filters.AddFilter("last", Last);
        filters.AddFilter("default", Default);
        filters.AddFilter("join", Join);
        filters.AddFilter("split", Split);
        filters.AddFilter("newline_to_br", NewlineToBr);
        return filters;
    }

    // Ruby rounds halves away from zero; decimal rounding defaults to banker's rounding.
    private static ValueTask<FluidValue> Round(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var digits = (int)arguments.At(0).ToNumberValue();
        var value = input.ToNumberValue();
        if (digits <= 0) return NumberValue.Create(decimal.Round(value, 0, MidpointRounding.AwayFromZero));
        var rounded = decimal.Round(value, digits, MidpointRounding.AwayFromZero);
        return PlainDataConverter.Float((double)rounded);
    }

    // Integer by integer is floored integer division in Ruby; a float on either side gives a float.
    private static ValueTask<FluidValue> DividedBy(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var divisor = arguments.At(0).ToNumberValue();
        var dividend = input.ToNumberValue();
        if (divisor == 0) throw new DivideByZeroException("Liquid error: divided by 0");
        if (NumberValue.GetScale(divisor) == 0 && NumberValue.GetScale(dividend) == 0)
            return NumberValue.Create(decimal.Floor(dividend / divisor));
        return PlainDataConverter.Float((double)(dividend / divisor));
    }

    private static ValueTask<FluidValue> Size(FluidValue input, FilterArguments arguments, TemplateContext context) => input switch
    {
        StringValue s => NumberValue.Create(s.ToStringValue().Length),
        ArrayValue a => NumberValue.Create(a.Values.Count),
        // Ruby's Integer#size is its width in bytes.
        NumberValue n when NumberValue.GetScale(n.ToNumberValue()) == 0 => NumberValue.Create(8),
        HashValue h => h.GetValueAsync("size", context),
        _ => NumberValue.Create(0),
    };

    private static ValueTask<FluidValue> First(FluidValue input, FilterArguments arguments, TemplateContext context) => input switch
    {
        ArrayValue a => new(a.Values.Count > 0 ? a.Values[0] : NilValue.Instance),
        HashValue h => h.GetValueAsync("first", context),
        _ => new(NilValue.Instance),
    };

    private static ValueTask<FluidValue> Last(FluidValue input, FilterArguments arguments, TemplateContext context) => input switch
    {
        ArrayValue a => new(a.Values.Count > 0 ? a.Values[^1] : NilValue.Instance),
        _ => new(NilValue.Instance),
    };

    // Liquid joins with a space by default, flattening nested arrays and printing each item as Ruby's to_s.
    // Ruby's String#split keeps empty fields between separators and drops only trailing ones;
    // an empty separator splits into characters, a single space splits on runs of whitespace.
    private static ValueTask<FluidValue> Split(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var text = input.S();
        var separator = arguments.At(0).S();
        List<string> parts;
        if (separator.Length == 0) parts = text.Select(c => c.ToString()).ToList();
        else if (separator == " ") parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        else parts = text.Split(separator).ToList();
        while (parts.Count > 0 && parts[^1].Length == 0) parts.RemoveAt(parts.Count - 1);
        return new(new ArrayValue(parts.Select(p => (FluidValue)new StringValue(p)).ToArray()));
    }

    // Liquid keeps the line break after each <br />.
    private static ValueTask<FluidValue> NewlineToBr(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(new StringValue(input.S().Replace("\r\n", "\n").Replace("\n", "<br />\n")));

    private static ValueTask<FluidValue> Join(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var glue = arguments.Count > 0 ? arguments.At(0).S() : " ";
        var parts = new List<string>();
        Flatten(input, parts);
        return new(new StringValue(string.Join(glue, parts)));

        static void Flatten(FluidValue value, List<string> parts)
        {
            if (value is ArrayValue array) foreach (var item in array.Values) Flatten(item, parts);
            else parts.Add(value.S());
        }
    }

    // Liquid 4: nil, false, and empty strings/arrays/hashes take the default (allow_false keeps false).
    private static ValueTask<FluidValue> Default(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var allowFalse = arguments.HasNamed("allow_false") && arguments["allow_false"].ToBooleanValue();
        var empty = input.IsNil()
            || (input is BooleanValue && !input.ToBooleanValue() && !allowFalse)
            || (input is StringValue && input.ToStringValue().Length == 0)
            || (input is ArrayValue a && a.Values.Count == 0)
            || (input is HashValue h && h.Hash.Count == 0);
        return new(empty ? arguments.At(0) : input);
    }
}
