using System.CommandLine;
using Candor.Server;
using Candor.Privacy.AccessLog;
using Candor.Server.Configuration;
using Candor.Server.Policy;
using Microsoft.Extensions.Hosting;
using Candor.Site;
using Candor.Site.Serving;

namespace Candor.Cli.Commands;

/// <summary>
/// <c>candor serve [SOURCE] [--port N] [--host ADDR] [--https-port N] [--tls-cert FILE [--tls-key FILE]]
/// [--self-signed] [--trusted-proxy ADDR]… [--tls-proxy] [--analytics-site DOMAIN]… [--data DIR]</c>: build, serve, rebuild on change. The server settings can
/// also come from <c>candor: server:</c> in <c>_config.yml</c>; a flag given here wins.
/// </summary>
public static class ServeCommand
{
    /// <summary>Password of a PFX given with <c>--tls-cert</c>: an environment variable, because flags show up in process lists.</summary>
    public const string TlsPasswordVariable = "CANDOR_TLS_PASSWORD";

    private static readonly Option<int> Port = new("--port", "-P") { Description = "Port to listen on", DefaultValueFactory = _ => 4000 };
    private static readonly Option<string> Host = new("--host", "-H") { Description = "Address to listen on (an IP address, localhost, or * for all)", DefaultValueFactory = _ => "127.0.0.1" };
    private static readonly Option<bool> NoWatch = new("--no-watch") { Description = "Do not rebuild when sources change" };
    private static readonly Option<int?> HttpsPort = new("--https-port") { Description = "Serve HTTPS on this port; plain HTTP on --port then redirects to it" };
    private static readonly Option<string?> TlsCert = new("--tls-cert") { Description = "Certificate: PEM (with --tls-key, or key in the same file) or PFX (password in $" + TlsPasswordVariable + ")" };
    private static readonly Option<string?> TlsKey = new("--tls-key") { Description = "PEM private key for --tls-cert" };
    private static readonly Option<bool> SelfSigned = new("--self-signed") { Description = "Use a generated certificate for localhost (cached in SOURCE/.candor/tls)" };
    private static readonly Option<string[]> TrustedProxy = new("--trusted-proxy") { Description = "Believe X-Forwarded-For/-Proto from this address or CIDR network (repeatable)" };
    private static readonly Option<bool> TlsProxy = new("--tls-proxy") { Description = "The trusted proxy terminates TLS: redirect what it reports as plain HTTP to HTTPS (the policy then says pages are encrypted)" };
    private static readonly Option<string?> AccessLog = new("--access-log") { Description = "Folder for the daily access logs (default SOURCE/.candor/logs), or 'off' for none" };
    private static readonly Option<string[]> AnalyticsSite = new("--analytics-site") { Description = "Count analytics events for this domain (repeatable; replaces candor: analytics: sites)" };
    private static readonly Option<string?> Data = new("--data") { Description = "Folder for Candor's own data: analytics store, salts, logs, certificate (default SOURCE/.candor)" };
    private static readonly Option<bool> PublicStats = new("--public-stats") { Description = "Let anyone open the analytics dashboard at /stats/SITE (k-anonymised; replaces candor: analytics: public)" };
    private static readonly Option<int?> AccessLogRetention = new("--access-log-retention") { Description = "Days access logs are kept before they are deleted (default 30)" };

    public static Command Create()
    {
        var command = new Command("serve", "Build the site, serve it, and rebuild what changed")
        {
            BuildCommand.Source, BuildCommand.Destination, BuildCommand.Future, BuildCommand.Drafts, BuildCommand.Config, Port, Host, NoWatch,
            HttpsPort, TlsCert, TlsKey, SelfSigned, TrustedProxy, TlsProxy, AccessLog, AccessLogRetention, AnalyticsSite, Data, PublicStats,
        };
        command.SetAction((result, cancel) => Run(BuildCommand.Options(result), result, cancel));
        return command;
    }

    private static async Task<int> Run(BuildOptions options, ParseResult flags, CancellationToken cancel)
    {
        if (!Directory.Exists(options.Source))
        {
            Console.Error.WriteLine($"error: source folder '{options.Source}' does not exist");
            return 2;
        }
        SiteSession session;
        SiteServerOptions serverOptions;
        try
        {
            // Server options first: the generated privacy policy describes the server as it will run, flags included.
            var config = new SiteBuilder(options).LoadConfig();
            serverOptions = ServerOptions(config.Source, config.Destination, config.Values, flags);
            session = new SiteSession(options, generatedPages: [new PrivacyPolicyPage(serverOptions)]);
            var built = session.BuildAll();
            foreach (var warning in built.Warnings) Console.Error.WriteLine($"warning: {warning}");
            Console.WriteLine(built.Summary);
        }
        catch (SiteException e)
        {
            BuildReporter.PrintErrors(new SiteBuildException([e.ToError()]));
            return 1;
        }
        catch (SiteBuildException e)
        {
            BuildReporter.PrintErrors(e);
            return 1;
        }
        catch (ServerConfigException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        using var watcher = flags.GetValue(NoWatch) ? null : new SourceWatcher(session, Console.Out);
        Microsoft.AspNetCore.Builder.WebApplication server;
        try
        {
            server = SiteServer.Create(serverOptions);
        }
        catch (ServerConfigException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        await using var _ = server;
        await server.StartAsync(cancel);
        Console.WriteLine($"Serving {session.Destination} at {string.Join(" and ", server.Urls)} (Ctrl+C to stop)");
        // The host handles Ctrl+C/SIGTERM itself (Program.cs leaves signals to it): it stops accepting
        // connections and lets in-flight requests finish before this returns.
        await server.WaitForShutdownAsync(cancel);
        return 0;
    }

    /// <summary>Defaults, then the site's <c>candor: server:</c> settings, then the flags actually given.</summary>
    private static SiteServerOptions ServerOptions(string source, string destination, IReadOnlyDictionary<string, object?> config, ParseResult flags)
    {
        var data = flags.GetValue(Data) is { } dataFlag ? Path.GetFullPath(dataFlag) : Path.Combine(source, ".candor");
        var options = new SiteServerOptions
        {
            SiteRoot = destination,
            Host = flags.GetValue(Host)!,
            Port = flags.GetValue(Port),
            DataFolder = data,
            TlsPassword = Environment.GetEnvironmentVariable(TlsPasswordVariable),
            AccessLog = new AccessLogOptions { Folder = Path.Combine(data, "logs") },
        };
        options = ServerConfigSection.Apply(options, config, source);
        if (flags.GetValue(HttpsPort) is { } httpsPort) options = options with { HttpsPort = httpsPort };
        if (flags.GetValue(TlsCert) is { } cert) options = options with { TlsCertificate = Path.GetFullPath(cert), TlsKey = null, SelfSigned = false };
        if (flags.GetValue(TlsKey) is { } key) options = options with { TlsKey = Path.GetFullPath(key) };
        if (flags.GetValue(SelfSigned)) options = options with { SelfSigned = true, TlsCertificate = null, TlsKey = null };
        if (flags.GetValue(TrustedProxy) is { Length: > 0 } proxies) options = options with { TrustedProxies = proxies };
        if (flags.GetValue(TlsProxy)) options = options with { TlsProxy = true };
        if (flags.GetValue(AnalyticsSite) is { Length: > 0 } sites)
            options = options with { AnalyticsSites = sites.Select(AnalyticsConfigSection.Site).ToList(), Analytics = true };
        if (flags.GetValue(PublicStats)) options = options with { AnalyticsPublic = true };
        if (flags.GetValue(AccessLog) is { } folder)
            options = options with { AccessLog = folder == "off" ? null : (options.AccessLog ?? new AccessLogOptions { Folder = folder }) with { Folder = Path.GetFullPath(folder) } };
        if (flags.GetValue(AccessLogRetention) is { } days)
        {
            if (options.AccessLog is null) throw new ServerConfigException("access-log-retention", "the access log is off (--access-log off or access_log: false)");
            options = options with { AccessLog = options.AccessLog with { RetentionDays = days } };
        }
        return options;
    }
}
