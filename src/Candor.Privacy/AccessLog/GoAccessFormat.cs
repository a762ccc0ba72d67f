namespace Candor.Privacy.AccessLog;

/// <summary>
/// The goaccess options that read Candor's access log (see docs/access-log.md). goaccess needs a time, a host
/// and a request; the default five fields have no request, so there the operating-system column is given to
/// goaccess as the request (%U) and its "Requested Files" panel lists operating systems. The browser column is
/// given as the user agent (%u), which goaccess's browser detection understands ("Firefox 133.0").
/// </summary>
public static class GoAccessFormat
{
    /// <summary>The value of <c>--datetime-format</c>.</summary>
    public const string DateTimeFormat = "%Y-%m-%dT%H:%M:%SZ";

    /// <summary>The value of <c>--log-format</c> for these fields; needs <see cref="AccessLogFields.Time"/> and <see cref="AccessLogFields.ClientIp"/>.</summary>
    public static string LogFormat(AccessLogFields fields)
    {
        if (!fields.HasFlag(AccessLogFields.Time) || !fields.HasFlag(AccessLogFields.ClientIp))
            throw new ArgumentException("goaccess needs the Time and ClientIp fields.", nameof(fields));
        if (!fields.HasFlag(AccessLogFields.Path) && !fields.HasFlag(AccessLogFields.OperatingSystem))
            throw new ArgumentException("goaccess needs a request column: the Path or the OperatingSystem field.", nameof(fields));
        var osAsRequest = !fields.HasFlag(AccessLogFields.Path);
        var specifiers = AccessLogLine.Columns.Where(c => fields.HasFlag(c.Field)).Select(c => c.Field switch
        {
            AccessLogFields.Time => "%x",
            AccessLogFields.ClientIp => "%h",
            AccessLogFields.Browser => "%u",
            AccessLogFields.OperatingSystem => osAsRequest ? "%U" : "%^",
            AccessLogFields.Referrer => "%R",
            AccessLogFields.Method => "%m",
            AccessLogFields.Path => "%U",
            AccessLogFields.Status => "%s",
            AccessLogFields.Bytes => "%b",
            AccessLogFields.Duration => "%T",
            _ => "%^",
        });
        return string.Join(@"\t", specifiers);
    }

    /// <summary>The whole command line, for the documentation and the admin: <c>goaccess FILES --log-format=… --datetime-format=…</c>.</summary>
    public static string CommandLine(AccessLogFields fields, string files = "access-*.log") =>
        $"goaccess {files} --log-format='{LogFormat(fields)}' --datetime-format='{DateTimeFormat}'";
}
