using System.Collections;
using System.Globalization;
using Fluid;
using Fluid.Values;

namespace Candor.Site.Liquid.Values;

/// <summary>Turns the site's plain data (dictionaries, lists, numbers) into Fluid values that behave like Ruby's.</summary>
internal static class PlainDataConverter
{
    // Lists handed to templates (site.posts, site.pages, data arrays) are built before rendering and
    // never changed during it, while a template may read them on every page: convert each list once.
    // The elements are hash wrappers over the live dictionaries, so later content updates still show.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IList, ArrayValue> Lists = new();

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
        IList list when value is not IReadOnlyList<FluidValue> => Lists.GetValue(list, l => ToArray(l, options)),
        IEnumerable list when value is not IReadOnlyList<FluidValue> => ToArray(list, options),
        _ => null,
    };

    private static ArrayValue ToArray(IEnumerable list, TemplateOptions options) =>
        new(list.Cast<object?>().Select(item => FluidValue.Create(item, options)).ToArray());

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
