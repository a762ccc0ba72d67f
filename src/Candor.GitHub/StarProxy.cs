using Candor.GitHub.Cors;
using Candor.GitHub.OAuth;
using Candor.GitHub.Upstream;

namespace Candor.GitHub;

/// <summary>
/// The proxy's parts, made once per host from the options: key ring, cookies, replay guard, upstream client,
/// CORS and Origin rules, rate limit. Holds no per-user state beyond the in-memory replay guard and limiters.
/// </summary>
public sealed class StarProxy : IDisposable
{
    public StarProxy(GitHubStarProxyOptions options, TimeProvider time)
    {
        Options = options;
        KeyRing = new ProxyKeyRing(options.KeyFolder, options.KeyLifetime);
        StateCookie = new StateCookie(KeyRing.Provider, options, time);
        TokenCookie = new TokenCookie(KeyRing.Provider, options, time);
        UsedStates = new UsedStates(options, time);
        Upstream = new UpstreamClient(options);
        TokenExchange = new TokenExchange(options, Upstream);
        Cors = new CorsAllowlist(options);
        OriginCheck = new OriginCheck(Cors);
        RateLimit = new ClientRateLimit(options);
        Login = new LoginEndpoint(this);
    }

    public GitHubStarProxyOptions Options { get; }
    public ProxyKeyRing KeyRing { get; }
    public StateCookie StateCookie { get; }
    public TokenCookie TokenCookie { get; }
    public UsedStates UsedStates { get; }
    public UpstreamClient Upstream { get; }
    public TokenExchange TokenExchange { get; }
    public CorsAllowlist Cors { get; }
    public OriginCheck OriginCheck { get; }
    public ClientRateLimit RateLimit { get; }
    public LoginEndpoint Login { get; }

    public void Dispose()
    {
        Upstream.Dispose();
        RateLimit.Dispose();
    }
}
