using System.Text.RegularExpressions;

namespace Candor.Privacy.AccessLog;

/// <summary>
/// A small rule-based User-Agent parser: Edge, Opera, Samsung Internet, Firefox, Chrome, Safari, Internet
/// Explorer, common crawlers and command-line clients; Windows, iOS/iPadOS, Android, Chrome OS, macOS and
/// Linux. Browser versions are major.minor; anything it does not recognise is "Other". Rules are tried in
/// order because User-Agents pile up each other's tokens (Edge says Chrome and Safari, iOS says "like Mac OS X").
/// </summary>
public sealed partial class MinimalUserAgentParser : IUserAgentParser
{
    /// <summary>Only this much of a User-Agent is looked at; real ones are far shorter.</summary>
    public const int MaxLength = 1024;

    static readonly (string Family, Regex Pattern)[] BrowserRules =
    [
        ("Edge", EdgeRegex()),
        ("Opera", OperaRegex()),
        ("Samsung Internet", SamsungRegex()),
        ("Firefox iOS", FirefoxIosRegex()),
        ("Chrome iOS", ChromeIosRegex()),
        ("Firefox", FirefoxRegex()),
        ("Chrome", ChromeRegex()),
        ("Safari", SafariRegex()),
        ("IE", InternetExplorerRegex()),
        ("IE", TridentRegex()),
    ];

    public UserAgentInfo Parse(string userAgent)
    {
        if (userAgent.Length > MaxLength)
            userAgent = userAgent[..MaxLength];
        try
        {
            var (browser, browserVersion) = ParseBrowser(userAgent);
            var (os, osVersion) = ParseOperatingSystem(userAgent);
            return new UserAgentInfo(browser, browserVersion, os, osVersion);
        }
        catch (RegexMatchTimeoutException)
        {
            return new UserAgentInfo(UserAgentInfo.Other, null, UserAgentInfo.Other, null);
        }
    }

    static (string, string?) ParseBrowser(string ua)
    {
        if (KnownBotRegex().Match(ua) is { Success: true } known)
            return (BotName(known.Groups["name"].Value), known.Groups["v"].Value);
        foreach (var (family, pattern) in BrowserRules)
        {
            if (pattern.Match(ua) is { Success: true } m)
                return (family, MajorMinor(m));
        }
        if (GenericBotRegex().Match(ua) is { Success: true } bot)
            return (bot.Groups["name"].Value, bot.Groups["v"].Success ? bot.Groups["v"].Value : null);
        if (ClientRegex().Match(ua) is { Success: true } client)
            return (client.Groups["name"].Value, client.Groups["v"].Value);
        return (UserAgentInfo.Other, null);
    }

    static string BotName(string token) => token.ToLowerInvariant() switch
    {
        "googlebot" => "Googlebot",
        "bingbot" => "Bingbot",
        "applebot" => "Applebot",
        "duckduckbot" => "DuckDuckBot",
        "yandexbot" => "YandexBot",
        "baiduspider" => "Baiduspider",
        "facebookexternalhit" => "Facebook",
        "twitterbot" => "Twitterbot",
        "gptbot" => "GPTBot",
        "claudebot" => "ClaudeBot",
        "ahrefsbot" => "AhrefsBot",
        "semrushbot" => "SemrushBot",
        _ => token,
    };

    static string MajorMinor(Match m) => m.Groups["minor"].Success ? $"{m.Groups["major"].Value}.{m.Groups["minor"].Value}" : $"{m.Groups["major"].Value}.0";

    static (string, string?) ParseOperatingSystem(string ua)
    {
        if (WindowsRegex().Match(ua) is { Success: true } windows)
        {
            return ("Windows", windows.Groups["nt"].Value switch
            {
                "10.0" => "10",
                "6.3" => "8.1",
                "6.2" => "8",
                "6.1" => "7",
                "6.0" => "Vista",
                "5.1" or "5.2" => "XP",
                _ => null,
            });
        }
        if (IosRegex().Match(ua) is { Success: true } ios)
            return ("iOS", JoinVersion(ios));
        if (AndroidRegex().Match(ua) is { Success: true } android)
            return ("Android", android.Groups["v"].Success ? android.Groups["v"].Value : null);
        if (ChromeOsRegex().Match(ua) is { Success: true } cros)
            return ("Chrome OS", cros.Groups["v"].Value);
        if (MacRegex().Match(ua) is { Success: true } mac)
            return ("macOS", JoinVersion(mac));
        if (ua.Contains("Macintosh", StringComparison.Ordinal) || ua.Contains("Mac OS X", StringComparison.Ordinal))
            return ("macOS", null);
        if (ua.Contains("Ubuntu", StringComparison.Ordinal))
            return ("Ubuntu", null);
        if (ua.Contains("Linux", StringComparison.Ordinal) || ua.Contains("X11", StringComparison.Ordinal))
            return ("Linux", null);
        return (UserAgentInfo.Other, null);
    }

    static string JoinVersion(Match m) =>
        m.Groups["patch"].Success ? $"{m.Groups["major"].Value}.{m.Groups["minor"].Value}.{m.Groups["patch"].Value}"
        : m.Groups["minor"].Success ? $"{m.Groups["major"].Value}.{m.Groups["minor"].Value}"
        : m.Groups["major"].Value;

    const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    const int Timeout = 100;

    [GeneratedRegex(@"\b(?<name>Googlebot|bingbot|Applebot|DuckDuckBot|YandexBot|Baiduspider|facebookexternalhit|Twitterbot|GPTBot|ClaudeBot|AhrefsBot|SemrushBot)/(?<v>\d{1,6}(\.\d{1,6})?)(?!\d)", Options | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex KnownBotRegex();
    [GeneratedRegex(@"\b(?<name>[A-Za-z][A-Za-z0-9_-]{0,40}(bot|crawler|spider))\b(/(?<v>\d{1,6}(\.\d{1,6})?))?", Options | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex GenericBotRegex();
    [GeneratedRegex(@"^(?<name>curl|Wget|python-requests|Go-http-client|okhttp)/(?<v>\d{1,6}(\.\d{1,6}){0,2})", Options, Timeout)]
    private static partial Regex ClientRegex();
    [GeneratedRegex(@"\bEdg(e|A|iOS)?/(?<major>\d{1,6})(?!\d)(\.(?<minor>\d{1,6}))?", Options, Timeout)]
    private static partial Regex EdgeRegex();
    [GeneratedRegex(@"\b(OPR|OPiOS|OPT)/(?<major>\d{1,6})(?!\d)(\.(?<minor>\d{1,6}))?", Options, Timeout)]
    private static partial Regex OperaRegex();
    [GeneratedRegex(@"\bSamsungBrowser/(?<major>\d{1,6})(?!\d)(\.(?<minor>\d{1,6}))?", Options, Timeout)]
    private static partial Regex SamsungRegex();
    [GeneratedRegex(@"\bFxiOS/(?<major>\d{1,6})(?!\d)(\.(?<minor>\d{1,6}))?", Options, Timeout)]
    private static partial Regex FirefoxIosRegex();
    [GeneratedRegex(@"\bCriOS/(?<major>\d{1,6})(?!\d)(\.(?<minor>\d{1,6}))?", Options, Timeout)]
    private static partial Regex ChromeIosRegex();
    [GeneratedRegex(@"\bFirefox/(?<major>\d{1,6})(?!\d)(\.(?<minor>\d{1,6}))?", Options, Timeout)]
    private static partial Regex FirefoxRegex();
    [GeneratedRegex(@"\b(Chrome|Chromium)/(?<major>\d{1,6})(?!\d)(\.(?<minor>\d{1,6}))?", Options, Timeout)]
    private static partial Regex ChromeRegex();
    [GeneratedRegex(@"\bVersion/(?<major>\d{1,6})(?!\d)(\.(?<minor>\d{1,6}))?.{0,200}?\bSafari/", Options, Timeout)]
    private static partial Regex SafariRegex();
    [GeneratedRegex(@"\bMSIE (?<major>\d{1,6})(?!\d)(\.(?<minor>\d{1,6}))?", Options, Timeout)]
    private static partial Regex InternetExplorerRegex();
    [GeneratedRegex(@"\bTrident/\d{1,6}\.\d{1,6};.*\brv:(?<major>\d{1,6})(?!\d)(\.(?<minor>\d{1,6}))?", Options, Timeout)]
    private static partial Regex TridentRegex();

    [GeneratedRegex(@"\bWindows NT (?<nt>\d{1,3}\.\d{1,3})", Options, Timeout)]
    private static partial Regex WindowsRegex();
    [GeneratedRegex(@"\b(iPhone|iPad|iPod|CPU)( iPhone)? OS (?<major>\d{1,4})(_(?<minor>\d{1,4}))?(_(?<patch>\d{1,4}))?", Options, Timeout)]
    private static partial Regex IosRegex();
    [GeneratedRegex(@"\bAndroid(?: (?<v>\d{1,4}(\.\d{1,4}){0,2}))?", Options, Timeout)]
    private static partial Regex AndroidRegex();
    [GeneratedRegex(@"\bCrOS \S{1,20} (?<v>\d{1,6}(\.\d{1,6}){0,3})", Options, Timeout)]
    private static partial Regex ChromeOsRegex();
    [GeneratedRegex(@"\bMac OS X[ _](?<major>\d{1,4})[_.](?<minor>\d{1,4})([_.](?<patch>\d{1,4}))?", Options, Timeout)]
    private static partial Regex MacRegex();
}
