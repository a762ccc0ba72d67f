using System.Globalization;
using Candor.Privacy.AccessLog;

namespace Candor.Server.Configuration;

/// <summary>
/// Reads the <c>candor: server:</c> section of a site's <c>_config.yml</c> (as YAML-typed values) onto
/// <see cref="SiteServerOptions"/>. Command-line flags are applied afterwards, so they win.
/// <code>
/// candor:
///   server:
///     https_port: 443
///     tls_cert: /etc/ssl/site.pem     # relative paths are relative to the site folder
///     tls_key: /etc/ssl/site.key
///     self_signed: false
///     hsts_max_age: 31536000          # seconds
///     trusted_proxies: [127.0.0.1, 10.0.0.0/8]
///     access_log:                      # or `access_log: false` to keep no log at all
///       folder: .candor/logs
///       retention_days: 30
///       fields: [time, ip, browser, os, referrer]   # opt-in: method, path, status, bytes, duration
///       mask_ip: false                 # true keeps only the /24 (IPv4) or /48 (IPv6)
/// </code>
/// </summary>
public static class ServerConfigSection
{
    private static readonly HashSet<string> Known = ["https_port", "tls_cert", "tls_key", "self_signed", "hsts_max_age", "trusted_proxies", "tls_proxy", "access_log"];
    private static readonly HashSet<string> KnownAccessLog = ["folder", "retention_days", "fields", "mask_ip"];

    public static SiteServerOptions Apply(SiteServerOptions options, IReadOnlyDictionary<string, object?> siteConfig, string siteSource)
    {
        if (siteConfig.GetValueOrDefault("candor") is not IReadOnlyDictionary<string, object?> candor) return options;
        options = GitHubProxyConfigSection.Apply(options, candor, siteSource);
        options = options with { Consent = ConsentConfigSection.Read(candor) };
        // Only whether analytics is on matters to the server (which cookies it may set); its settings are read by the feature.
        options = options with { Analytics = candor.GetValueOrDefault("analytics") is not (null or false) || options.Analytics };
        options = AnalyticsConfigSection.Apply(options, candor, siteSource);
        if (candor.GetValueOrDefault("server") is not { } raw) return options;
        if (raw is not IReadOnlyDictionary<string, object?> server) throw new ServerConfigException("", "expected a mapping of server settings");
        // A misspelt key would otherwise be silently ignored, which for TLS or proxy trust is dangerous.
        if (server.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
            throw new ServerConfigException(unknown, $"unknown setting (known: {string.Join(", ", Known)})");
        string? PathOf(string key) => Text(server, key) is { } p ? Path.GetFullPath(p, siteSource) : null;
        return options with
        {
            HttpsPort = Integer(server, "https_port") is { } port ? checked((int)port) : options.HttpsPort,
            TlsCertificate = PathOf("tls_cert") ?? options.TlsCertificate,
            TlsKey = PathOf("tls_key") ?? options.TlsKey,
            SelfSigned = Boolean(server, "self_signed") ?? options.SelfSigned,
            HstsMaxAge = Integer(server, "hsts_max_age") is { } seconds ? TimeSpan.FromSeconds(seconds) : options.HstsMaxAge,
            TrustedProxies = List(server, "trusted_proxies") ?? options.TrustedProxies,
            TlsProxy = Boolean(server, "tls_proxy") ?? options.TlsProxy,
            AccessLog = AccessLog(server.GetValueOrDefault("access_log"), options.AccessLog, siteSource),
        };
    }

    private static AccessLogOptions? AccessLog(object? raw, AccessLogOptions? current, string siteSource)
    {
        switch (raw)
        {
            case null: return current;
            case false: return null;
            case IReadOnlyDictionary<string, object?> section:
                if (section.Keys.FirstOrDefault(k => !KnownAccessLog.Contains(k)) is { } unknown)
                    throw new ServerConfigException("access_log." + unknown, $"unknown setting (known: {string.Join(", ", KnownAccessLog)})");
                var folder = Text(section, "folder") is { } f ? Path.GetFullPath(f, siteSource) : current?.Folder ?? Path.Combine(siteSource, ".candor", "logs");
                return new AccessLogOptions
                {
                    Folder = folder,
                    RetentionDays = Integer(section, "retention_days") is { } days ? checked((int)days) : current?.RetentionDays ?? 30,
                    Fields = List(section, "fields") is { } names ? AccessLogFieldNames.Parse(names, "access_log.fields") : current?.Fields ?? AccessLogFields.Default,
                    MaskIp = Boolean(section, "mask_ip") ?? current?.MaskIp ?? false,
                };
            default:
                throw new ServerConfigException("access_log", $"expected settings or false, got '{raw}'");
        }
    }

    private static long? Integer(IReadOnlyDictionary<string, object?> section, string key) => section.GetValueOrDefault(key) switch
    {
        null => null,
        long n => n,
        int n => n,
        string s when long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        var other => throw new ServerConfigException(key, $"expected a whole number, got '{other}'"),
    };

    private static bool? Boolean(IReadOnlyDictionary<string, object?> section, string key) => section.GetValueOrDefault(key) switch
    {
        null => null,
        bool b => b,
        var other => throw new ServerConfigException(key, $"expected true or false, got '{other}'"),
    };

    private static string? Text(IReadOnlyDictionary<string, object?> section, string key) => section.GetValueOrDefault(key) switch
    {
        null => null,
        string s => s,
        var other => throw new ServerConfigException(key, $"expected a path, got '{other}'"),
    };

    private static IReadOnlyList<string>? List(IReadOnlyDictionary<string, object?> section, string key) => section.GetValueOrDefault(key) switch
    {
        null => null,
        string s => [s],
        IEnumerable<object?> items => items.Select(i => i as string ?? throw new ServerConfigException(key, $"expected a list of words or addresses, got '{i}'")).ToList(),
        var other => throw new ServerConfigException(key, $"expected a list, got '{other}'"),
    };
}
