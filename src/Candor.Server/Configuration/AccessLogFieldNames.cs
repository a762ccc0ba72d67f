using Candor.Privacy.AccessLog;

namespace Candor.Server.Configuration;

/// <summary>The names the configuration uses for access log columns (<c>fields: [time, ip, …]</c>).</summary>
public static class AccessLogFieldNames
{
    private static readonly Dictionary<string, AccessLogFields> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["time"] = AccessLogFields.Time,
        ["ip"] = AccessLogFields.ClientIp,
        ["browser"] = AccessLogFields.Browser,
        ["os"] = AccessLogFields.OperatingSystem,
        ["referrer"] = AccessLogFields.Referrer,
        ["method"] = AccessLogFields.Method,
        ["path"] = AccessLogFields.Path,
        ["status"] = AccessLogFields.Status,
        ["bytes"] = AccessLogFields.Bytes,
        ["duration"] = AccessLogFields.Duration,
    };

    /// <summary>Combines the named fields; an unknown name is an error that lists the known ones.</summary>
    public static AccessLogFields Parse(IEnumerable<string> names, string setting)
    {
        var fields = AccessLogFields.None;
        foreach (var name in names)
        {
            if (!Names.TryGetValue(name.Trim(), out var field))
                throw new ServerConfigException(setting, $"unknown field '{name}' (known: {string.Join(", ", Names.Keys)})");
            fields |= field;
        }
        if (fields == AccessLogFields.None) throw new ServerConfigException(setting, "name at least one field, or set access_log: false");
        return fields;
    }
}
