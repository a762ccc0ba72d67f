using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace Candor.Site.Liquid.Values;

/// <summary>
/// A point in time that prints like Ruby's <c>Time#to_s</c> (<c>2022-10-20 10:05:03 +0200</c>), as
/// <c>{{ page.date }}</c> does in Jekyll. Fluid's own date value is sealed and prints ISO "u" format.
/// </summary>
internal sealed class TimeValue(DateTimeOffset time) : FluidValue
{
    public DateTimeOffset Time { get; } = time;

    public override FluidValues Type => FluidValues.DateTime;

    /// <summary>Reads either this or Fluid's date value.</summary>
    public static bool TryGet(FluidValue value, out DateTimeOffset time)
    {
        switch (value)
        {
            case TimeValue t:
                time = t.Time;
                return true;
            case DateTimeValue d:
                time = (DateTimeOffset)d.ToObjectValue();
                return true;
            default:
                time = default;
                return false;
        }
    }

    public override bool Equals(FluidValue other) => TryGet(other, out var t) && t == Time;

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => Time.ToUnixTimeSeconds();

    public override string ToStringValue() => RubyFormat.Time(Time);

    public override object ToObjectValue() => Time;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) =>
        new(writer.WriteAsync(encoder.Encode(ToStringValue())));

    public override bool Equals(object? obj) => obj is FluidValue v && Equals(v);

    public override int GetHashCode() => Time.GetHashCode();
}
