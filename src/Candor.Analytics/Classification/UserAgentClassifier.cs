using YamlDotNet.Serialization;

namespace Candor.Analytics.Classification;

/// <summary>
/// User agent → browser, OS and device type, from uap-core's <c>regexes.yaml</c> (loaded once at start-up),
/// with names folded the way Plausible shows them. Results are cached per user agent (bounded), so the
/// linear scan over the rules happens once per distinct user agent.
/// </summary>
public sealed class UserAgentClassifier
{
    /// <summary>Longer user agents are cut before matching: real ones are well under this, and it bounds regex work.</summary>
    internal const int MaxLength = 512;

    private readonly UapRule[] _browsers;
    private readonly UapRule[] _systems;
    private readonly UapRule[] _devices;
    private readonly BoundedCache<UserAgentInfo> _cache;

    private UserAgentClassifier(UapRule[] browsers, UapRule[] systems, UapRule[] devices, int cacheSize)
    {
        _browsers = browsers;
        _systems = systems;
        _devices = devices;
        _cache = new BoundedCache<UserAgentInfo>(cacheSize);
    }

    public static UserAgentClassifier Load(string regexesYaml, int cacheSize = 10_000)
    {
        if (!File.Exists(regexesYaml)) throw new DataSetsMissingException($"uap-core's regexes.yaml is missing: '{regexesYaml}'. Run `npm ci` in Candor's data/ folder.");
        var yaml = new DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, List<Dictionary<string, string>>>>(File.ReadAllText(regexesYaml));
        UapRule[] Rules(string section, string[] keys) => yaml[section].Select(e => UapRule.From(e, keys)).ToArray();
        return new UserAgentClassifier(
            Rules("user_agent_parsers", ["family_replacement", "v1_replacement", "v2_replacement", "v3_replacement"]),
            Rules("os_parsers", ["os_replacement", "os_v1_replacement", "os_v2_replacement", "os_v3_replacement"]),
            Rules("device_parsers", ["device_replacement", "brand_replacement", "model_replacement"]),
            cacheSize);
    }

    internal int CachedCount => _cache.Count;

    public UserAgentInfo Classify(string userAgent)
    {
        if (userAgent.Length > MaxLength) userAgent = userAgent[..MaxLength];
        return _cache.GetOrAdd(userAgent, static (ua, self) => self.Parse(ua), this);
    }

    private UserAgentInfo Parse(string userAgent)
    {
        var (browser, browserMajor, browserMinor) = FirstMatch(_browsers, userAgent);
        var (os, osMajor, osMinor) = FirstMatch(_systems, userAgent);
        var device = DeviceFamily(userAgent);
        return new UserAgentInfo(
            BrowserNames.Fold(browser),
            Version(browserMajor, browserMinor),
            OsNames.Fold(os),
            Version(osMajor, osMinor),
            DeviceTypeOf(userAgent, device, os));
    }

    private static (string? Family, string? Major, string? Minor) FirstMatch(UapRule[] rules, string userAgent)
    {
        foreach (var rule in rules)
        {
            var match = rule.Match(userAgent);
            if (match.Success) return (rule.Field(match, 0), rule.Field(match, 1), rule.Field(match, 2));
        }
        return (null, null, null);
    }

    private (string? Family, string? Brand, string? Model) DeviceFamily(string userAgent)
    {
        foreach (var rule in _devices)
        {
            var match = rule.Match(userAgent);
            if (!match.Success) continue;
            // Brand has no group fallback and model falls back to group 1 (uap-core's specification).
            var model = rule.Field(match, 2, groupFallback: false) ?? (match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value.Trim() : null);
            return (rule.Field(match, 0), rule.Field(match, 1, groupFallback: false), model);
        }
        return (null, null, null);
    }

    private static string? Version(string? major, string? minor)
    {
        if (major is null) return null;
        return minor is null ? major : major + "." + minor;
    }

    /// <summary>
    /// uap-core names devices but does not type them, so the type comes from its family/brand plus the
    /// conventions browsers follow: tablets are iPads, Kindles and Android devices without "Mobile";
    /// phones say "Mobi" or are iPhones/iPods/feature phones; everything else is a desktop.
    /// </summary>
    private static string DeviceTypeOf(string userAgent, (string? Family, string? Brand, string? Model) device, string? os)
    {
        var family = device.Family ?? "";
        var model = device.Model ?? "";
        if (family.StartsWith("iPad", StringComparison.Ordinal) || model.StartsWith("iPad", StringComparison.Ordinal)
            || family.Contains("Tablet", StringComparison.OrdinalIgnoreCase) || family.StartsWith("Kindle", StringComparison.Ordinal)
            || userAgent.Contains("Tablet", StringComparison.OrdinalIgnoreCase) || userAgent.Contains("Silk/", StringComparison.Ordinal)
            || userAgent.Contains("PlayBook", StringComparison.Ordinal))
            return DeviceTypes.Tablet;
        if (family is "iPhone" or "iPod" || family.Contains("Phone", StringComparison.OrdinalIgnoreCase)
            || userAgent.Contains("Mobi", StringComparison.Ordinal) || os is "iOS" or "Windows Phone" or "KaiOS" or "Symbian OS")
            return DeviceTypes.Mobile;
        if (os == "Android") return DeviceTypes.Tablet;
        return DeviceTypes.Desktop;
    }
}
