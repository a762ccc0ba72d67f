namespace Candor.Privacy.AccessLog;

/// <summary>
/// The columns of an access log line, in the order they are written. <see cref="Default"/> is exactly
/// what the privacy policy lists; the others are opt-in and, when enabled, appear in the generated policy.
/// </summary>
[Flags]
public enum AccessLogFields
{
    None = 0,
    /// <summary>Time of the request, UTC, ISO 8601 to the second.</summary>
    Time = 1 << 0,
    /// <summary>Client IP address (optionally shortened, see <see cref="AccessLogOptions.MaskIp"/>).</summary>
    ClientIp = 1 << 1,
    /// <summary>Browser family and version, parsed from the User-Agent (never the raw header).</summary>
    Browser = 1 << 2,
    /// <summary>Operating system family and version, parsed from the User-Agent.</summary>
    OperatingSystem = 1 << 3,
    /// <summary>The Referer header (escaped, length-capped).</summary>
    Referrer = 1 << 4,
    /// <summary>Opt-in: the request method.</summary>
    Method = 1 << 5,
    /// <summary>Opt-in: the request path, URI-escaped, without query string, length-capped.</summary>
    Path = 1 << 6,
    /// <summary>Opt-in: the response status code.</summary>
    Status = 1 << 7,
    /// <summary>
    /// Opt-in: the number of response body bytes sent. Counted by wrapping the response body stream, which
    /// turns Kestrel's sendfile path for static files into an ordinary copy.
    /// </summary>
    Bytes = 1 << 8,
    /// <summary>Opt-in: the time taken to serve the request, in milliseconds.</summary>
    Duration = 1 << 9,

    /// <summary>The privacy policy's five fields.</summary>
    Default = Time | ClientIp | Browser | OperatingSystem | Referrer,
    /// <summary>Every field.</summary>
    All = Default | Method | Path | Status | Bytes | Duration,
}
