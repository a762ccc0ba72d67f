using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Candor.Analytics.Api.V2;

/// <summary>
/// Renders a JSON value as Plausible's error messages show it (Elixir's <c>inspect</c>): strings quoted,
/// lists as <c>["is", "visit:foo", ["a"]]</c>, objects as <c>%{"k" => v}</c>, null as <c>nil</c>. Clients that
/// match on Plausible's texts see the same ones.
/// </summary>
public static class ElixirInspect
{
    /// <summary>Long values are cut: an error message must not echo a megabyte back.</summary>
    private const int MaxLength = 300;

    public static string Of(JsonElement value)
    {
        var text = new StringBuilder();
        Write(text, value, depth: 0);
        return text.Length > MaxLength ? text.ToString(0, MaxLength) + "…" : text.ToString();
    }

    public static string String(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";

    private static void Write(StringBuilder text, JsonElement value, int depth)
    {
        if (text.Length > MaxLength) return;
        switch (value.ValueKind)
        {
            case JsonValueKind.String: text.Append(String(value.GetString()!)); break;
            case JsonValueKind.Number: text.Append(value.GetRawText()); break;
            case JsonValueKind.True: text.Append("true"); break;
            case JsonValueKind.False: text.Append("false"); break;
            case JsonValueKind.Null: text.Append("nil"); break;
            case JsonValueKind.Array when depth > 8: text.Append("[...]"); break;
            case JsonValueKind.Array:
                text.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first) text.Append(", ");
                    first = false;
                    Write(text, item, depth + 1);
                    if (text.Length > MaxLength) break;
                }
                text.Append(']');
                break;
            case JsonValueKind.Object:
                text.Append("%{");
                var firstProperty = true;
                foreach (var property in value.EnumerateObject())
                {
                    if (!firstProperty) text.Append(", ");
                    firstProperty = false;
                    text.Append(String(property.Name)).Append(" => ");
                    Write(text, property.Value, depth + 1);
                    if (text.Length > MaxLength) break;
                }
                text.Append('}');
                break;
            default: text.Append(value.GetRawText()); break;
        }
    }

    /// <summary>The JSON-schema type name Plausible's validator uses in "Type mismatch" errors.</summary>
    public static string TypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "String",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "Integer" : "Number",
        JsonValueKind.True or JsonValueKind.False => "Boolean",
        JsonValueKind.Null => "Null",
        JsonValueKind.Array => "Array",
        JsonValueKind.Object => "Object",
        _ => "Undefined",
    };
}
