using System.Globalization;
using System.Text;
using Candor.Site.Liquid.Values;
using Fluid;
using Fluid.Values;

namespace Candor.Site.Liquid.Filters;

/// <summary>Jekyll's <c>jsonify</c> (Ruby's compact <c>to_json</c>) and <c>inspect</c> (Ruby's inspect, XML-escaped).</summary>
internal static class JsonFilters
{
    public static FilterCollection WithJsonFilters(this FilterCollection filters)
    {
        filters.AddFilter("jsonify", (input, _, context) => new(new StringValue(Json(input, context))));
        filters.AddFilter("inspect", (input, _, _) => new(new StringValue(TextFilters.XmlEscape(RubyFormat.Inspect(input)))));
        return filters;
    }

    public static string Json(FluidValue value, TemplateContext context)
    {
        var builder = new StringBuilder();
        Append(builder, value, context);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, FluidValue value, TemplateContext context)
    {
        switch (value)
        {
            case var _ when value.IsNil():
                builder.Append("null");
                break;
            case BooleanValue b:
                builder.Append(b.ToBooleanValue() ? "true" : "false");
                break;
            case NumberValue n:
                builder.Append(n.ToNumberValue().ToString(CultureInfo.InvariantCulture));
                break;
            case ArrayValue array:
                builder.Append('[');
                for (var i = 0; i < array.Values.Count; i++)
                {
                    if (i > 0) builder.Append(',');
                    Append(builder, array.Values[i], context);
                }
                builder.Append(']');
                break;
            case HashValue hash:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in hash.Hash)
                {
                    if (!first) builder.Append(',');
                    first = false;
                    AppendString(builder, key);
                    builder.Append(':');
                    Append(builder, FluidValue.Create(item, context.Options), context);
                }
                builder.Append('}');
                break;
            default:
                AppendString(builder, value.S());
                break;
        }
    }

    // Ruby's JSON generator escapes quotes, backslashes and control characters only.
    private static void AppendString(StringBuilder builder, string s)
    {
        builder.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }
        builder.Append('"');
    }
}
