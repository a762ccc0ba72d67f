using System.Text.Json;
using System.Text.RegularExpressions;

namespace Candor.Analytics.Classification;

/// <summary>
/// Is this user agent a robot? The patterns of the maintained <c>crawler-user-agents</c> list, plus rules for
/// headless and automated browsers, which that list (about crawlers) mostly misses but which would otherwise
/// count as real Chrome or Firefox visits. Results are cached per user agent (bounded).
/// </summary>
public sealed class BotDetector
{
    /// <summary>
    /// Markers of automation: headless builds and drivers announce themselves in the user agent. (The tracker also
    /// skips <c>navigator.webdriver</c>; these catch what calls the endpoint without it.)
    /// </summary>
    internal static readonly string[] AutomationMarkers =
    [
        "HeadlessChrome", "Headless", "PhantomJS", "SlimerJS", "Selenium", "WebDriver", "Playwright", "Puppeteer",
        "Cypress", "Nightmare", "HtmlUnit", "jsdom", "Chrome-Lighthouse", "Lighthouse", "PTST/",
    ];

    private readonly Regex _crawlers;
    private readonly BoundedCache<bool> _cache;

    private BotDetector(Regex crawlers, int cacheSize)
    {
        _crawlers = crawlers;
        _cache = new BoundedCache<bool>(cacheSize);
    }

    public int PatternCount { get; private init; }

    public static BotDetector Load(string crawlerUserAgentsJson, int cacheSize = 10_000)
    {
        if (!File.Exists(crawlerUserAgentsJson)) throw new DataSetsMissingException($"crawler-user-agents.json is missing: '{crawlerUserAgentsJson}'. Run `npm ci` in Candor's data/ folder.");
        using var document = JsonDocument.Parse(File.ReadAllBytes(crawlerUserAgentsJson));
        var patterns = document.RootElement.EnumerateArray().Select(e => e.GetProperty("pattern").GetString()!).ToList();
        // One alternation compiled once beats hundreds of separate scans; the list's patterns are plain regexes
        // written to work in every language's engine, so they combine safely.
        var combined = string.Join("|", patterns.Select(p => "(?:" + p + ")"));
        var regex = new Regex(combined, RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        // The first match JIT-compiles the generated code, which can take longer than the timeout on a busy
        // machine; pay that here at start-up rather than on (and against) the first visitor.
        try { regex.IsMatch("Mozilla/5.0 (warm-up)"); } catch (RegexMatchTimeoutException) { }
        return new BotDetector(regex, cacheSize) { PatternCount = patterns.Count };
    }

    public bool IsBot(string userAgent)
    {
        // Every browser sends a user agent; an empty one is a script.
        if (string.IsNullOrWhiteSpace(userAgent)) return true;
        if (userAgent.Length > UserAgentClassifier.MaxLength) userAgent = userAgent[..UserAgentClassifier.MaxLength];
        return _cache.GetOrAdd(userAgent, static (ua, self) => self.Detect(ua), this);
    }

    private bool Detect(string userAgent)
    {
        foreach (var marker in AutomationMarkers)
            if (userAgent.Contains(marker, StringComparison.OrdinalIgnoreCase)) return true;
        try { return _crawlers.IsMatch(userAgent); }
        // The list's patterns are simple, so a timeout means a starved CPU rather than a crafted user agent;
        // counting the visit is the smaller error than silently dropping real visitors under load.
        catch (RegexMatchTimeoutException) { return false; }
    }
}
