namespace Candor.Analytics.Classification;

/// <summary>Host-name normalisation shared by the referrer rules: Plausible compares hosts without a leading <c>www.</c>.</summary>
internal static class Hosts
{
    /// <summary>The host as the rules compare it: lower case, without a leading <c>www.</c>.</summary>
    public static string Plain(string host)
    {
        var lower = host.ToLowerInvariant();
        return lower.StartsWith("www.", StringComparison.Ordinal) ? lower[4..] : lower;
    }

    /// <summary>The lower-case, www-stripped host of an absolute http(s) URL, or null.</summary>
    public static string? Of(string? url) => Absolute(url) is { } parsed ? Plain(parsed.Host) : null;

    // One event's referrer is read three times (spam check, source, stored referrer), each a URL parse that showed in
    // the ingestion profile. A request is classified on one thread without interruption, so a one-entry memo per
    // thread, keyed by the very string instance, makes that one parse.
    [ThreadStatic] private static string? t_lastUrl;
    [ThreadStatic] private static WebUrl? t_lastParsed;

    /// <summary>The URL parsed as absolute with a host, or null; repeated calls with the same string instance parse once.</summary>
    public static WebUrl? Absolute(string? url)
    {
        if (url is null) return null;
        if (ReferenceEquals(url, t_lastUrl)) return t_lastParsed;
        WebUrl? result = WebUrl.TryParse(url, out var parsed) && parsed.Host.Length > 0 ? parsed : null;
        (t_lastUrl, t_lastParsed) = (url, result);
        return result;
    }
}
