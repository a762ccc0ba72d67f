namespace Candor.Analytics.Classification;

/// <summary>Host-name normalisation shared by the referrer rules: Plausible compares hosts without a leading <c>www.</c>.</summary>
internal static class Hosts
{
    public static string WithoutWww(string host) => host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;

    /// <summary>The lower-case, www-stripped host of an absolute http(s) URL, or null.</summary>
    public static string? Of(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0) return null;
        return WithoutWww(uri.Host.ToLowerInvariant());
    }
}
