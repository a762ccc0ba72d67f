using System.Net;

namespace Candor.Privacy.AccessLog;

/// <summary>What is known about one request when it is logged; <see cref="AccessLogLine"/> picks the configured fields.</summary>
public sealed record AccessLogEntry
{
    public required DateTimeOffset Time { get; init; }
    public IPAddress? ClientIp { get; init; }
    public string? UserAgent { get; init; }
    public string? Referrer { get; init; }
    public string? Method { get; init; }
    /// <summary>The request path as the server understood it (decoded); it is re-escaped before it is written.</summary>
    public string? Path { get; init; }
    public int Status { get; init; }
    public long? Bytes { get; init; }
    public TimeSpan Duration { get; init; }

    /// <summary>The UTC day whose file this entry goes to.</summary>
    public DateOnly Day => DateOnly.FromDateTime(Time.UtcDateTime);
}
