using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Candor.GitHub.OAuth;

/// <summary>
/// Binds one login attempt to the browser that started it. <c>/login</c> makes a random <c>state</c> and a
/// PKCE verifier and puts both, with an expiry, into this encrypted cookie; GitHub's redirect back must carry
/// the same <c>state</c>, from the same browser, within <see cref="GitHubStarProxyOptions.LoginTimeout"/>.
/// That defeats login CSRF (an attacker's code planted in a victim's browser) and the verifier never sits
/// in a URL. SameSite is Lax, not Strict: the redirect back from GitHub is a cross-site top-level navigation,
/// and a Strict cookie would not be sent with it.
/// </summary>
public sealed class StateCookie(IDataProtectionProvider keys, GitHubStarProxyOptions options, TimeProvider time)
{
    public const string Name = "__Secure-candor-github-login";
    private const string Purpose = "Candor.GitHub.StateCookie.v1";
    private readonly ExpiringPayload _payload = new(keys.CreateProtector(Purpose), time);

    public sealed record LoginAttempt(string State, string Verifier);

    public static string NewState() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The cookie value for <paramref name="attempt"/> (public so tests can forge well-formed but wrong ones).</summary>
    public string Protect(LoginAttempt attempt, DateTimeOffset? expires = null) =>
        _payload.Protect($"{attempt.State}\n{attempt.Verifier}", expires ?? time.GetUtcNow() + options.LoginTimeout);

    public void Write(HttpResponse response, LoginAttempt attempt) =>
        response.Cookies.Append(Name, Protect(attempt), CookieOptions(options.LoginTimeout));

    public void Delete(HttpResponse response) => response.Cookies.Delete(Name, CookieOptions(null));

    /// <summary>The attempt in the request's cookie, or null when it is missing, forged, from other keys or expired.</summary>
    public LoginAttempt? Read(HttpRequest request)
    {
        var parts = _payload.Unprotect(request.Cookies[Name])?.Split('\n');
        return parts is [var state, var verifier] ? new LoginAttempt(state, verifier) : null;
    }

    private CookieOptions CookieOptions(TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Lax,
        Path = options.Prefix + "/login",
        MaxAge = maxAge,
        IsEssential = true,
    };
}
