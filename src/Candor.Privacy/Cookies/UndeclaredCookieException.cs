namespace Candor.Privacy.Cookies;

/// <summary>A response tried to set a cookie that no feature declared (and so the privacy policy does not list).</summary>
public sealed class UndeclaredCookieException(string name)
    : InvalidOperationException($"The response sets the cookie '{name}', which is not in the cookie inventory; declare it (CookieDeclaration) so the privacy policy lists it.")
{
    public string CookieName { get; } = name;
}
