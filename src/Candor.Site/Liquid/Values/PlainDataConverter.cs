using System.Collections;
using System.Globalization;
using Fluid;
using Fluid.Values;

namespace Candor.Site.Liquid.Values;

/// <summary>Turns the site's plain data (dictionaries, lists, numbers) into Fluid values that behave like Ruby's.</summary>
internal static class PlainDataConverter
{
    public static void Register(TemplateOptions options)
    {
        options.ValueConverters.Add(value => Convert(value, options));
    }

    private static object? Convert(object value, TemplateOptions options) => value switch
    {
        IReadOnlyDictionary<string, object?> hash => new HashValue(hash),
        IDictionary<string, object?> hash => new HashValue(hash.AsReadOnly()),
        DateTimeOffset t => new TimeValue(t),
        DateTime t => new TimeValue(t.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(t, options.TimeZone.GetUtcOffset(t)) : new DateTimeOffset(t)),
        double d => Float(d),
        float f => Float(f),
        string => null,
        IEnumerable list when value is not IReadOnlyList<FluidValue> =>
            new ArrayValue(list.Cast<object?>().Select(item => FluidValue.Create(item, options)).ToArray()),
        _ => null,
    };

    /// <summary>
    /// Fluid keeps numbers as decimals; a decimal with scale 1 prints "1.0", so a float keeps Ruby's
    /// trailing ".0" (Ruby prints <c>1.0</c> for a float, never <c>1</c>).
    /// </summary>
    public static FluidValue Float(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) return new StringValue(RubyFormat.Float(d));
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E') || Math.Abs(d) > 7.9e27) return NumberValue.Create((decimal)d);
        if (!text.Contains('.')) text += ".0";
        return NumberValue.Create(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
