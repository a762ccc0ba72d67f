namespace Candor.Analytics.Identity;

/// <summary>
/// The registrable domain ("example.com" for "app.example.com") that makes a visitor the same across a
/// site's subdomains. Until the Public Suffix List is loaded (next step of issue 4), this takes the last
/// two labels, which is right for ".com"-style names and wrong for "co.uk"-style ones (all of "*.co.uk"
/// would share one root). Callers go through <see cref="Of"/> so the PSL can replace it in one place.
/// </summary>
public static class RootDomain
{
    public static string Of(string host)
    {
        var last = host.LastIndexOf('.');
        if (last <= 0) return host;
        var previous = host.LastIndexOf('.', last - 1);
        return previous < 0 ? host : host[(previous + 1)..];
    }
}
