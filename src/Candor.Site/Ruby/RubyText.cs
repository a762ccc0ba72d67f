using System.Collections;
using System.Globalization;

namespace Candor.Site.Ruby;

/// <summary>How Ruby's <c>to_s</c> prints plain data, which Jekyll relies on for URLs, ids and keys.</summary>
public static class RubyText
{
    public static string ToS(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        long or int => System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => Float(d),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss ", CultureInfo.InvariantCulture) + Offset(t.Offset),
        IEnumerable e and not IDictionary => string.Concat(e.Cast<object?>().Select(ToS)),
        _ => System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Ruby prints floats with at least one decimal: <c>1.0</c>, <c>0.5</c>, <c>1.0e+20</c>.</summary>
    public static string Float(double d)
    {
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (double.IsNaN(d)) return "NaN";
        if (d == Math.Floor(d) && Math.Abs(d) < 1e16) return d.ToString("0.0", CultureInfo.InvariantCulture);
        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>UTC offset as Ruby's <c>%z</c>: <c>+0000</c>, <c>-0500</c>.</summary>
    public static string Offset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return $"{sign}{abs.Hours:00}{abs.Minutes:00}";
    }
}
