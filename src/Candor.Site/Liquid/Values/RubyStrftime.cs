using System.Globalization;
using System.Text;

namespace Candor.Site.Liquid.Values;

/// <summary>
/// Ruby's <c>Time#strftime</c>, which Liquid's <c>date</c> filter uses; .NET's format strings differ
/// (no <c>%-d</c>, <c>%e</c>, <c>%j</c>…), so Jekyll templates need this to print the same text.
/// </summary>
internal static class RubyStrftime
{
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    public static string Format(DateTimeOffset t, string format, TimeZoneInfo siteZone)
    {
        var output = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i == format.Length - 1)
            {
                output.Append(format[i]);
                continue;
            }
            var start = i++;
            var flags = "";
            while (i < format.Length && "-_0^#:".Contains(format[i])) flags += format[i++];
            var widthStart = i;
            while (i < format.Length && char.IsAsciiDigit(format[i])) i++;
            int? width = i > widthStart ? int.Parse(format.AsSpan(widthStart, i - widthStart), CultureInfo.InvariantCulture) : null;
            if (i >= format.Length)
            {
                output.Append(format, start, format.Length - start);
                break;
            }
            var piece = Conversion(t, format[i], flags, width, siteZone);
            if (piece is null) output.Append(format, start, i - start + 1); // Ruby prints unknown directives as written
            else output.Append(piece);
        }
        return output.ToString();
    }

    private static string? Conversion(DateTimeOffset t, char c, string flags, int? width, TimeZoneInfo siteZone)
    {
        var hour12 = t.Hour % 12 == 0 ? 12 : t.Hour % 12;
        return c switch
        {
            'Y' => Num(t.Year, flags, width, 1, '0'),
            'C' => Num(t.Year / 100, flags, width, 2, '0'),
            'y' => Num(t.Year % 100, flags, width, 2, '0'),
            'm' => Num(t.Month, flags, width, 2, '0'),
            'B' => Text(Months[t.Month - 1], flags, width),
            'b' or 'h' => Text(Months[t.Month - 1][..3], flags, width),
            'd' => Num(t.Day, flags, width, 2, '0'),
            'e' => Num(t.Day, flags, width, 2, ' '),
            'j' => Num(t.DayOfYear, flags, width, 3, '0'),
            'H' => Num(t.Hour, flags, width, 2, '0'),
            'k' => Num(t.Hour, flags, width, 2, ' '),
            'I' => Num(hour12, flags, width, 2, '0'),
            'l' => Num(hour12, flags, width, 2, ' '),
            'M' => Num(t.Minute, flags, width, 2, '0'),
            'S' => Num(t.Second, flags, width, 2, '0'),
            'L' => Fraction(t, width ?? 3),
            'N' => Fraction(t, width ?? 9),
            'p' => Text(t.Hour < 12 ? "AM" : "PM", flags, width),
            'P' => Text(t.Hour < 12 ? "am" : "pm", flags, width),
            'A' => Text(Days[(int)t.DayOfWeek], flags, width),
            'a' => Text(Days[(int)t.DayOfWeek][..3], flags, width),
            'u' => Num(t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek, flags, width, 1, '0'),
            'w' => Num((int)t.DayOfWeek, flags, width, 1, '0'),
            's' => Num(t.ToUnixTimeSeconds(), flags, width, 1, '0'),
            'z' => RubyFormat.Offset(t.Offset, colon: flags.Contains(':')),
            'Z' => ZoneName(t, siteZone),
            'U' => Num((t.DayOfYear + 6 - (int)t.DayOfWeek) / 7, flags, width, 2, '0'),
            'W' => Num((t.DayOfYear + 6 - ((int)t.DayOfWeek + 6) % 7) / 7, flags, width, 2, '0'),
            'G' => Num(ISOWeek.GetYear(t.DateTime), flags, width, 1, '0'),
            'g' => Num(ISOWeek.GetYear(t.DateTime) % 100, flags, width, 2, '0'),
            'V' => Num(ISOWeek.GetWeekOfYear(t.DateTime), flags, width, 2, '0'),
            'c' => Format(t, "%a %b %e %H:%M:%S %Y", siteZone),
            'D' or 'x' => Format(t, "%m/%d/%y", siteZone),
            'F' => Format(t, "%Y-%m-%d", siteZone),
            'T' or 'X' => Format(t, "%H:%M:%S", siteZone),
            'R' => Format(t, "%H:%M", siteZone),
            'r' => Format(t, "%I:%M:%S %p", siteZone),
            'n' => "\n",
            't' => "\t",
            '%' => "%",
            _ => null,
        };
    }

    /// <summary>
    /// .NET has no zone abbreviations; UTC is the one name that can be given exactly. Ruby prints an
    /// empty name for a fixed offset that is not the local zone's.
    /// </summary>
    // Ruby names the zone only for times in the process's own zone; times read with an explicit
    // offset (front matter, date strings) print an empty %Z. Those are what templates format, so
    // Candor prints "UTC" for UTC times and nothing otherwise.
    private static string ZoneName(DateTimeOffset t, TimeZoneInfo siteZone) =>
        t.Offset == TimeSpan.Zero && (siteZone == TimeZoneInfo.Utc || siteZone.Id is "UTC" or "Etc/UTC") ? "UTC" : "";

    private static string Fraction(DateTimeOffset t, int digits)
    {
        var ticks = (t.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture) + "00";
        return digits <= ticks.Length ? ticks[..digits] : ticks.PadRight(digits, '0');
    }

    private static string Num(long value, string flags, int? width, int defaultWidth, char defaultPad)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (flags.Contains('-')) return text;
        var pad = flags.Contains('_') ? ' ' : flags.Contains('0') ? '0' : defaultPad;
        return text.PadLeft(width ?? defaultWidth, pad);
    }

    private static string Text(string value, string flags, int? width)
    {
        if (flags.Contains('^')) value = value.ToUpperInvariant();
        if (flags.Contains('#')) value = value.ToLowerInvariant();
        if (width is { } w && !flags.Contains('-')) value = value.PadLeft(w, flags.Contains('0') ? '0' : ' ');
        return value;
    }
}
