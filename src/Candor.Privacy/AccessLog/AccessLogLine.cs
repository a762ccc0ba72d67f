using System.Globalization;
using System.Net;
using System.Text;

namespace Candor.Privacy.AccessLog;

/// <summary>
/// Turns an <see cref="AccessLogEntry"/> into one line of the log: the configured fields in
/// <see cref="AccessLogFields"/> order, separated by a tab, missing values written as <c>-</c>.
/// </summary>
/// <remarks>
/// Every text value is escaped so that no value can contain a tab, a line break or any other control
/// character: <c>\</c> → <c>\\</c>, tab → <c>\t</c>, LF → <c>\n</c>, CR → <c>\r</c>, other C0/DEL → <c>\xHH</c>,
/// C1 controls, U+2028/U+2029 and lone surrogates → <c>\uHHHH</c>. A line therefore always has exactly as
/// many tab-separated columns as fields are configured, whatever a client sends in Referer or User-Agent.
/// </remarks>
public static class AccessLogLine
{
    /// <summary>Longest Referer kept, in UTF-16 code units, before escaping; longer ones end in <c>...</c>.</summary>
    public const int MaxReferrerLength = 1024;
    /// <summary>Longest path kept (after URI escaping); longer ones end in <c>...</c>.</summary>
    public const int MaxPathLength = 512;
    const int MaxMethodLength = 16;
    const int MaxNameLength = 64;

    /// <summary>The column names, in order, as written in each file's <c>#Fields:</c> header line.</summary>
    public static IReadOnlyList<string> ColumnNames(AccessLogFields fields) =>
        [.. Columns.Where(c => fields.HasFlag(c.Field)).Select(c => c.Name)];

    /// <summary>The header line written each time a file is opened (goaccess skips lines that start with #).</summary>
    public static string Header(AccessLogFields fields) => "#Fields: " + string.Join(' ', ColumnNames(fields));

    /// <summary>Formats one line (without the line break).</summary>
    public static string Format(AccessLogEntry entry, AccessLogOptions options, IUserAgentParser parser)
    {
        var fields = options.Fields;
        UserAgentInfo? agent = (fields & (AccessLogFields.Browser | AccessLogFields.OperatingSystem)) != 0 && !string.IsNullOrEmpty(entry.UserAgent)
            ? parser.Parse(entry.UserAgent)
            : null;
        var line = cachedBuilder ??= new StringBuilder(256);
        line.Clear();
        foreach (var column in Columns)
        {
            if (!fields.HasFlag(column.Field))
                continue;
            if (line.Length > 0)
                line.Append('\t');
            switch (column.Field)
            {
                case AccessLogFields.Time:
                    line.Append(FormatTime(entry.Time));
                    break;
                case AccessLogFields.ClientIp:
                    AppendAddress(line, entry.ClientIp is null ? null : IpMask.Normalize(entry.ClientIp, options.MaskIp));
                    break;
                case AccessLogFields.Browser:
                    AppendEscaped(line, agent?.BrowserText, MaxNameLength);
                    break;
                case AccessLogFields.OperatingSystem:
                    AppendEscaped(line, agent?.OperatingSystemText, MaxNameLength);
                    break;
                case AccessLogFields.Referrer:
                    AppendEscaped(line, entry.Referrer, MaxReferrerLength);
                    break;
                case AccessLogFields.Method:
                    AppendEscaped(line, entry.Method, MaxMethodLength);
                    break;
                case AccessLogFields.Path:
                    AppendEscaped(line, EscapePath(entry.Path), MaxPathLength);
                    break;
                // Numbers are formatted straight into the builder (no string each): this runs for every request.
                case AccessLogFields.Status:
                    line.Append(CultureInfo.InvariantCulture, $"{entry.Status}");
                    break;
                case AccessLogFields.Bytes:
                    if (entry.Bytes is { } bytes) line.Append(CultureInfo.InvariantCulture, $"{bytes}");
                    else line.Append('-');
                    break;
                case AccessLogFields.Duration:
                    line.Append(CultureInfo.InvariantCulture, $"{entry.Duration.TotalSeconds:0.000000}");
                    break;
            }
        }
        return line.ToString();
    }

    /// <summary>One builder per thread: a line is built and copied out before the thread can start another.</summary>
    [ThreadStatic]
    static StringBuilder? cachedBuilder;

    /// <summary>The last second formatted: lines arrive by the thousand per second, the text changes once.</summary>
    static FormattedSecond? lastSecond;

    sealed record FormattedSecond(long Second, string Text);

    static void AppendAddress(StringBuilder line, IPAddress? address)
    {
        Span<char> text = stackalloc char[64]; // the longest IPv6 text form is 45 characters (scope ids aside)
        if (address is null) line.Append('-');
        else if (address.TryFormat(text, out var written)) line.Append(text[..written]);
        else line.Append(address.ToString());
    }

    static string FormatTime(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var second = utc.Ticks / TimeSpan.TicksPerSecond;
        if (Volatile.Read(ref lastSecond) is { } last && last.Second == second)
            return last.Text;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        Volatile.Write(ref lastSecond, new FormattedSecond(second, text));
        return text;
    }

    /// <summary>Escapes a value as described on the class; empty or missing values become <c>-</c>.</summary>
    public static string Escape(string? value, int maxLength = int.MaxValue)
    {
        var builder = new StringBuilder();
        AppendEscaped(builder, value, maxLength);
        return builder.ToString();
    }

    static void AppendEscaped(StringBuilder line, string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            line.Append('-');
            return;
        }
        var length = Math.Min(value.Length, maxLength);
        for (var i = 0; i < length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': line.Append(@"\\"); continue;
                case '\t': line.Append(@"\t"); continue;
                case '\n': line.Append(@"\n"); continue;
                case '\r': line.Append(@"\r"); continue;
            }
            if (c < 0x20 || c == 0x7F)
                line.Append(@"\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else if (c is >= '\u0080' and <= '\u009F' or '\u2028' or '\u2029')
                AppendUnicodeEscape(line, c);
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                line.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c))
                AppendUnicodeEscape(line, c);
            else
                line.Append(c);
        }
        if (value.Length > maxLength)
            line.Append("...");
    }

    static void AppendUnicodeEscape(StringBuilder line, char c) =>
        line.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));

    /// <summary>The path as an escaped URI path (RFC 3986): decoded control characters, spaces and the like come back as %XX.</summary>
    static string? EscapePath(string? path) =>
        string.IsNullOrEmpty(path) ? path : new Microsoft.AspNetCore.Http.PathString(path.StartsWith('/') ? path : "/" + path).ToUriComponent();

    internal readonly record struct Column(AccessLogFields Field, string Name);

    internal static readonly Column[] Columns =
    [
        new(AccessLogFields.Time, "time"),
        new(AccessLogFields.ClientIp, "ip"),
        new(AccessLogFields.Browser, "browser"),
        new(AccessLogFields.OperatingSystem, "os"),
        new(AccessLogFields.Referrer, "referrer"),
        new(AccessLogFields.Method, "method"),
        new(AccessLogFields.Path, "path"),
        new(AccessLogFields.Status, "status"),
        new(AccessLogFields.Bytes, "bytes"),
        new(AccessLogFields.Duration, "duration_s"),
    ];
}
