using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Candor.GitHub;

/// <summary>
/// The only place a visitor's GitHub token exists between requests: inside this cookie, encrypted and
/// authenticated with the proxy's key ring, so the browser holds it but cannot read it, and nobody can
/// change it or make one. The server unpacks it for one request and forgets it. The expiry is inside the
/// authenticated payload as well as in Max-Age, so a cookie kept past its Max-Age (copied out of a browser)
/// is refused too.
/// <para>HttpOnly (scripts never see it), Secure (never over plain HTTP; the <c>__Secure-</c> prefix makes
/// browsers enforce that), Path = the proxy prefix (ordinary page views do not carry it), SameSite as
/// configured (see <see cref="GitHubStarProxyOptions.SameSite"/>).</para>
/// </summary>
public sealed class TokenCookie(IDataProtectionProvider keys, GitHubStarProxyOptions options, TimeProvider time)
{
    public const string Name = "__Secure-candor-github";
    private const string Purpose = "Candor.GitHub.TokenCookie.v1";
    private readonly ExpiringPayload _payload = new(keys.CreateProtector(Purpose), time);

    /// <summary>The cookie value carrying <paramref name="token"/> (public so tests can make expired or foreign ones).</summary>
    public string Protect(string token, DateTimeOffset? expires = null) =>
        _payload.Protect(token, expires ?? time.GetUtcNow() + options.CookieLifetime);

    public void Write(HttpResponse response, string token) =>
        response.Cookies.Append(Name, Protect(token), CookieOptions(options.CookieLifetime));

    public void Delete(HttpResponse response) => response.Cookies.Delete(Name, CookieOptions(null));

    /// <summary>Whether the request carries a cookie at all (valid or not).</summary>
    public static bool IsPresent(HttpRequest request) => request.Cookies.ContainsKey(Name);

    /// <summary>The token, or null when the cookie is missing, tampered with, from another key ring or expired.</summary>
    public string? Read(HttpRequest request) => _payload.Unprotect(request.Cookies[Name]) is { Length: > 0 } token ? token : null;

    private CookieOptions CookieOptions(TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = options.SameSite,
        Path = options.Prefix,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
