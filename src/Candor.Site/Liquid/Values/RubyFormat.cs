using System.Globalization;
using System.Text;
using Fluid.Values;

namespace Candor.Site.Liquid.Values;

/// <summary>Ruby's <c>inspect</c> and <c>to_s</c> for Liquid values, which Jekyll prints for hashes and <c>inspect</c>.</summary>
internal static class RubyFormat
{
    public static string Inspect(FluidValue value)
    {
        var builder = new StringBuilder();
        AppendInspect(builder, value);
        return builder.ToString();
    }

    private static void AppendInspect(StringBuilder builder, FluidValue value)
    {
        switch (value)
        {
            case NilValue or UndefinedValue or EmptyValue or BlankValue:
                builder.Append("nil");
                break;
            case StringValue s:
                AppendString(builder, s.ToStringValue());
                break;
            case HashValue hash:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in hash.Hash)
                {
                    if (!first) builder.Append(", ");
                    first = false;
                    AppendString(builder, key);
                    builder.Append("=>");
                    AppendInspect(builder, FluidValue.Create(item, Fluid.TemplateOptions.Default));
                }
                builder.Append('}');
                break;
            case ArrayValue array:
                builder.Append('[');
                for (var i = 0; i < array.Values.Count; i++)
                {
                    if (i > 0) builder.Append(", ");
                    AppendInspect(builder, array.Values[i]);
                }
                builder.Append(']');
                break;
            case var _ when TimeValue.TryGet(value, out var time):
                builder.Append(Time(time));
                break;
            default:
                builder.Append(ToS(value));
                break;
        }
    }

    /// <summary>What Ruby's <c>to_s</c> gives, i.e. what Liquid prints for a value.</summary>
    public static string ToS(FluidValue value) => value switch
    {
        NilValue or UndefinedValue or EmptyValue or BlankValue => "",
        TimeValue or DateTimeValue when TimeValue.TryGet(value, out var time) => Time(time),
        NumberValue n => Number(n.ToNumberValue()),
        _ => value.ToStringValue(),
    };

    public static string Number(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    /// <summary>Ruby's Time#to_s: <c>2022-10-20 00:00:00 +0000</c>.</summary>
    public static string Time(DateTimeOffset t) =>
        t.ToString("yyyy-MM-dd HH:mm:ss ", CultureInfo.InvariantCulture) + Offset(t.Offset, colon: false);

    public static string Offset(TimeSpan offset, bool colon)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return $"{sign}{abs.Hours:00}{(colon ? ":" : "")}{abs.Minutes:00}";
    }

    public static string Float(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity"
        : d.ToString("R", CultureInfo.InvariantCulture);

    private static void AppendString(StringBuilder builder, string s)
    {
        builder.Append('"');
        foreach (var c in s)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                '\e' => "\\e",
                '#' => "#",
                _ when c < ' ' => $"\\x{(int)c:X2}",
                _ => c.ToString(),
            });
        }
        builder.Append('"');
    }
}
