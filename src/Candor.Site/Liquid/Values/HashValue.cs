using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace Candor.Site.Liquid.Values;

/// <summary>
/// A Ruby-like hash over the site's plain <c>Dictionary&lt;string, object?&gt;</c> data. Fluid's own dictionary
/// value neither iterates as <c>[key, value]</c> pairs nor prints like Ruby, which Jekyll themes rely on
/// (<c>{% for pair in site.data.x %}{{ pair[0] }}</c>, <c>{{ hash.size }}</c>).
/// </summary>
internal sealed class HashValue(IReadOnlyDictionary<string, object?> hash) : FluidValue
{
    public IReadOnlyDictionary<string, object?> Hash { get; } = hash;

    public override FluidValues Type => FluidValues.Dictionary;

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) => new(Get(name, context));

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) =>
        new(Get(index.ToStringValue(), context));

    // Liquid looks a key up first and only then falls back to the hash's own size/first methods.
    private FluidValue Get(string name, TemplateContext context)
    {
        if (Hash.TryGetValue(name, out var value)) return FluidValue.Create(value, context.Options);
        return name switch
        {
            "size" => NumberValue.Create(Hash.Count),
            "first" => Hash.Count == 0 ? NilValue.Instance : Pair(Hash.First(), context.Options),
            _ => NilValue.Instance,
        };
    }

    public static ArrayValue Pair(KeyValuePair<string, object?> entry, TemplateOptions options) =>
        new([new StringValue(entry.Key), FluidValue.Create(entry.Value, options)]);

    public override IEnumerable<FluidValue> Enumerate(TemplateContext context) =>
        Hash.Select(entry => (FluidValue)Pair(entry, context.Options));

    // Ruby's Hash#include? tests keys, which is what `contains` does on a hash.
    public override bool Contains(FluidValue value) => Hash.ContainsKey(value.ToStringValue());

    public override bool Equals(FluidValue other) => other is HashValue h && ReferenceEquals(h.Hash, Hash);

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => RubyFormat.Inspect(this);

    public override object ToObjectValue() => Hash;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) =>
        new(writer.WriteAsync(encoder.Encode(ToStringValue())));

    public override bool Equals(object? obj) => obj is FluidValue v && Equals(v);

    public override int GetHashCode() => Hash.GetHashCode();
}
