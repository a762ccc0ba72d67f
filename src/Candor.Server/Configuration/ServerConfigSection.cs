using System.Globalization;

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
/// </code>
/// </summary>
public static class ServerConfigSection
{
    private static readonly HashSet<string> Known = ["https_port", "tls_cert", "tls_key", "self_signed", "hsts_max_age", "trusted_proxies"];

    public static SiteServerOptions Apply(SiteServerOptions options, IReadOnlyDictionary<string, object?> siteConfig, string siteSource)
    {
        if (siteConfig.GetValueOrDefault("candor") is not IReadOnlyDictionary<string, object?> candor) return options;
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
        };
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
        IEnumerable<object?> items => items.Select(i => i as string ?? throw new ServerConfigException(key, $"expected addresses, got '{i}'")).ToList(),
        var other => throw new ServerConfigException(key, $"expected a list of addresses, got '{other}'"),
    };
}
