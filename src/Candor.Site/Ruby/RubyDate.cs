using System.Globalization;
using System.Text.RegularExpressions;

namespace Candor.Site.Ruby;

/// <summary>
/// Date parsing with Jekyll's rules: YAML timestamps (Psych), post file-name dates, and the loose
/// strings <c>Time.parse</c> accepts in front matter. All results are expressed in the site's zone,
/// as Jekyll runs with <c>TZ</c> set to the site's <c>timezone</c>.
/// </summary>
public static partial class RubyDate
{
    /// <summary>YAML 1.1 timestamp or date (<c>2022-10-20</c>, <c>2022-10-20 00:00:00 +0000</c>, <c>2022-10-20T10:00:00Z</c>).</summary>
    public static bool TryParseYamlTimestamp(string text, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        var m = Timestamp().Match(text);
        if (!m.Success) return false;
        // Psych reads a timestamp without a zone as UTC (then shown in the site's zone); a bare date is local midnight.
        return TryBuild(m, zone, out value, unzonedIsUtc: m.Groups["h"].Success);
    }

    /// <summary>A front-matter <c>date:</c> string, as Jekyll's <c>Utils.parse_date</c> (Time.parse) reads it.</summary>
    public static bool TryParse(string text, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        var m = Timestamp().Match(text.Trim());
        if (m.Success && TryBuild(m, zone, out value, unzonedIsUtc: false)) return true;
        var styles = DateTimeStyles.AllowWhiteSpaces;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out var parsed))
        {
            var hasZone = ZoneSuffix().IsMatch(text.Trim());
            value = hasZone ? TimeZoneInfo.ConvertTime(parsed, zone) : InZone(parsed.DateTime, zone);
            return true;
        }
        return false;
    }

    /// <summary>The wall-clock time <paramref name="local"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private static bool TryBuild(Match m, TimeZoneInfo zone, out DateTimeOffset value, bool unzonedIsUtc)
    {
        value = default;
        int Part(string name, int fallback = 0) => m.Groups[name].Success ? int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : fallback;
        try
        {
            var fraction = m.Groups["frac"].Success ? double.Parse("0." + m.Groups["frac"].Value, CultureInfo.InvariantCulture) : 0;
            var local = new DateTime(Part("y"), Part("mo"), Part("d"), Part("h"), Part("mi"), Part("s"))
                .AddTicks((long)(fraction * TimeSpan.TicksPerSecond));
            if (m.Groups["z"].Success)
            {
                var z = m.Groups["z"].Value;
                var offset = TimeSpan.Zero;
                if (z != "Z")
                {
                    var sign = z[0] == '-' ? -1 : 1;
                    var digits = z[1..].Replace(":", "");
                    var hours = int.Parse(digits.Length <= 2 ? digits : digits[..^2], CultureInfo.InvariantCulture);
                    var minutes = digits.Length > 2 ? int.Parse(digits[^2..], CultureInfo.InvariantCulture) : 0;
                    offset = sign * new TimeSpan(hours, minutes, 0);
                }
                value = TimeZoneInfo.ConvertTime(new DateTimeOffset(local, offset), zone);
            }
            else
            {
                value = unzonedIsUtc ? TimeZoneInfo.ConvertTime(new DateTimeOffset(local, TimeSpan.Zero), zone) : InZone(local, zone);
            }
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:(?:[Tt]|[ \t]+)(?<h>\d{1,2}):(?<mi>\d{2}):(?<s>\d{2})(?:\.(?<frac>\d+))?[ \t]*(?<z>Z|[-+]\d{1,2}(?::?\d{2})?)?)?$")]
    private static partial Regex Timestamp();
    [GeneratedRegex(@"(Z|[-+]\d{2}:?\d{2}|UTC|GMT)$")]
    private static partial Regex ZoneSuffix();
}
