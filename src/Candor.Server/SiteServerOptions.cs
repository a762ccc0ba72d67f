namespace Candor.Server;

/// <summary>
/// Everything <see cref="SiteServer"/> needs: where the built site is, where to listen, TLS and proxy trust.
/// Filled from the site's <c>candor: server:</c> configuration (<see cref="Configuration.ServerConfigSection"/>),
/// then overridden by command-line flags.
/// </summary>
public sealed record SiteServerOptions
{
    /// <summary>The built site (the destination folder); nothing outside it is ever served.</summary>
    public required string SiteRoot { get; init; }
    /// <summary>An IP address, <c>localhost</c>, or <c>*</c> for every interface.</summary>
    public string Host { get; init; } = "127.0.0.1";
    /// <summary>Plain HTTP port; when TLS is on without <see cref="HttpsPort"/>, HTTPS is served here instead.</summary>
    public int Port { get; init; } = 4000;
    /// <summary>Serve HTTPS on this port and redirect plain HTTP on <see cref="Port"/> to it (0 picks a free port).</summary>
    public int? HttpsPort { get; init; }
    /// <summary>A PEM certificate (with <see cref="TlsKey"/>, or with the key in the same file) or a PFX/PKCS#12 file.</summary>
    public string? TlsCertificate { get; init; }
    public string? TlsKey { get; init; }
    /// <summary>Password of a PFX file; taken from the environment, never from a flag (process lists show flags).</summary>
    public string? TlsPassword { get; init; }
    /// <summary>Generate (and cache under <see cref="DataFolder"/>) a certificate for localhost.</summary>
    public bool SelfSigned { get; init; }
    /// <summary>Candor's own files for this site (<c>SITE/.candor</c>): the cached self-signed certificate lives in <c>tls/</c>.</summary>
    public string? DataFolder { get; init; }
    /// <summary><c>Strict-Transport-Security: max-age</c>, sent on HTTPS responses only. Zero tells browsers to forget it.</summary>
    public TimeSpan HstsMaxAge { get; init; } = TimeSpan.FromDays(365);
    /// <summary>Addresses or CIDR networks whose <c>X-Forwarded-For</c>/<c>-Proto</c> are believed. Empty: nobody's.</summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];
    /// <summary>
    /// A trusted proxy in front terminates TLS (<c>candor: server: tls_proxy: true</c>). Candor then redirects what the
    /// proxy reports as plain HTTP (<c>X-Forwarded-Proto</c>) to HTTPS, so the policy can say pages are encrypted.
    /// </summary>
    public bool TlsProxy { get; init; }
    /// <summary>How long a stop waits for in-flight requests before cutting them off.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The access log (the policy's "server log files"); null turns it off. By default it holds exactly the
    /// policy's five fields and keeps 30 days, in <c>SITE/.candor/logs</c> (set by the CLI).
    /// </summary>
    public Candor.Privacy.AccessLog.AccessLogOptions? AccessLog { get; init; }

    /// <summary>The GitHub star proxy (<c>candor: github_proxy:</c>); null leaves it off.</summary>
    public Candor.GitHub.GitHubStarProxyOptions? GitHubProxy { get; init; }

    /// <summary>Third parties the site involves (videos, comments, ads): <c>candor: embeds:</c> and <c>candor: ads:</c>.</summary>
    public Candor.Privacy.Consent.ConsentOptions Consent { get; init; } = new();

    /// <summary>Ads are configured (<c>candor: ads:</c>), so the ads opt-out cookie may be set.</summary>
    public bool Ads => Consent.AdsEnabled;

    /// <summary>Analytics is configured (<c>candor: analytics:</c>), so the dashboard's share cookie may be set.</summary>
    public bool Analytics { get; init; }

    /// <summary>Domains whose events <c>POST /api/event</c> keeps (<c>candor: analytics: sites:</c>, <c>--analytics-site</c>).
    /// Ingestion and the tracker are mapped only when there is at least one; the store and salts live in <see cref="DataFolder"/>.</summary>
    public IReadOnlyList<string> AnalyticsSites { get; init; } = [];

    /// <summary>Drop events sent with <c>Sec-GPC: 1</c> (<c>candor: analytics: gpc:</c>, on by default).</summary>
    public bool AnalyticsHonoursGpc { get; init; } = true;

    /// <summary>Anyone may open the dashboard at <c>/stats/SITE</c> (<c>candor: analytics: public: true</c>, <c>--public-stats</c>).</summary>
    public bool AnalyticsPublic { get; init; }

    /// <summary>Public and shared dashboards show no number describing fewer than this many visitors (<c>k_threshold</c>, default 5).</summary>
    public int AnalyticsKThreshold { get; init; } = 5;

    /// <summary>Where the classification data sets are (<c>candor: analytics: data_sets:</c>); null searches for them.</summary>
    public string? AnalyticsDataSets { get; init; }

    /// <summary>Events older than this many months are deleted hourly (<c>candor: analytics: retention_months:</c>); null keeps them.</summary>
    public int? AnalyticsRetentionMonths { get; init; }

    /// <summary>Conversion goals (<c>candor: analytics: goals:</c>): event names, and page paths starting with <c>/</c>.</summary>
    public IReadOnlyList<Candor.Analytics.Query.Goal> AnalyticsGoals { get; init; } = [];

    public bool UsesTls => TlsCertificate is not null || SelfSigned;

    /// <summary>Pages reach visitors only over TLS: Candor's own, or a proxy's that Candor enforces.</summary>
    public bool PagesEncrypted => UsesTls || TlsProxy;

    /// <summary>Rejects combinations that cannot work, naming the setting at fault.</summary>
    public void Validate()
    {
        if (TlsKey is not null && TlsCertificate is null) throw new ServerConfigException("tls_key", "a key needs a certificate (--tls-cert)");
        if (SelfSigned && TlsCertificate is not null) throw new ServerConfigException("self_signed", "choose either --self-signed or --tls-cert, not both");
        if (HttpsPort is not null && !UsesTls) throw new ServerConfigException("https_port", "HTTPS needs a certificate: add --tls-cert FILE (--tls-key FILE) or --self-signed");
        if (HttpsPort is { } https && (https < 0 || https > 65535)) throw new ServerConfigException("https_port", $"{https} is not a port number");
        if (HttpsPort is { } p && p != 0 && p == Port) throw new ServerConfigException("https_port", $"the HTTPS port must differ from the HTTP port ({Port})");
        if (SelfSigned && DataFolder is null) throw new ServerConfigException("self_signed", "no data folder to cache the certificate in");
        if (TlsProxy && TrustedProxies.Count == 0) throw new ServerConfigException("tls_proxy", "a TLS proxy must be listed in trusted_proxies (--trusted-proxy ADDR), or its X-Forwarded-Proto is not believed");
        if (HstsMaxAge < TimeSpan.Zero) throw new ServerConfigException("hsts_max_age", "must be zero or more seconds");
        if (AnalyticsSites.Count > 0 && DataFolder is null) throw new ServerConfigException("sites", "no data folder for the analytics store (--data DIR)", "analytics");
        if (AccessLog is { RetentionDays: < 1 or > 3650 }) throw new ServerConfigException("access_log.retention_days", "must be from 1 to 3650 days");
        try
        {
            GitHubProxy?.Validate();
        }
        catch (Candor.GitHub.GitHubStarProxyConfigException e)
        {
            throw new ServerConfigException(e.Setting, e.Message, "github_proxy");
        }
    }
}
