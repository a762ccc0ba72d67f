using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace Candor.Site.Liquid.Values;

/// <summary>
/// Reads a Liquid value as a point in time the way Ruby does for Liquid's <c>date</c> filter:
/// dates as they are, "now"/"today", Unix seconds, and strings Ruby's <c>Time.parse</c> accepts
/// (a string without an offset is in the site's time zone).
/// </summary>
internal static partial class DateInput
{
    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2}|\bUTC|\bGMT)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ZoneSuffix();

    [GeneratedRegex(@"^([+-]\d{2})(\d{2})$")]
    private static partial Regex CompactOffset();

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss",
    ];

    public static bool TryRead(FluidValue value, TemplateContext context, TimeZoneInfo zone, out DateTimeOffset result)
    {
        result = default;
        switch (value)
        {
            case TimeValue or DateTimeValue when TimeValue.TryGet(value, out var time):
                result = time;
                return true;
            case NumberValue number:
                result = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds((long)(number.ToNumberValue() * 1000)), zone);
                return true;
            case StringValue:
                return TryParse(value.ToStringValue(), context, zone, out result);
            default:
                return false;
        }
    }

    public static bool TryParse(string text, TemplateContext context, TimeZoneInfo zone, out DateTimeOffset result)
    {
        text = text.Trim();
        result = default;
        if (text.Length == 0) return false;
        if (text is "now" or "today" or "Now" or "Today")
        {
            result = TimeZoneInfo.ConvertTime(context.Now(), zone);
            return true;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            result = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(seconds), zone);
            return true;
        }
        var zoneMatch = ZoneSuffix().Match(text);
        if (zoneMatch.Success)
        {
            var zoneText = zoneMatch.Groups[1].Value.ToUpperInvariant();
            var offsetText = zoneText is "Z" or "UTC" or "GMT" ? "+00:00" : CompactOffset().Replace(zoneText, "$1:$2");
            var local = text[..zoneMatch.Index].TrimEnd();
            if (!TryLocal(local, out var dt)) return false;
            if (!TimeSpan.TryParse(offsetText.TrimStart('+'), CultureInfo.InvariantCulture, out var offset)) return false;
            result = new DateTimeOffset(dt, offset);
            return true;
        }
        if (!TryLocal(text, out var plain)) return false;
        result = new DateTimeOffset(plain, zone.GetUtcOffset(plain));
        return true;
    }

    private static bool TryLocal(string text, out DateTime result) =>
        DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out result)
        || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out result);
}
