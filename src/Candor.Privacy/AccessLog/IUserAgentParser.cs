namespace Candor.Privacy.AccessLog;

/// <summary>
/// Reduces a User-Agent header to browser and operating system (family and version). The access log
/// writes only this, never the raw header. The Analytics part will provide a uap-core based parser;
/// until then <see cref="MinimalUserAgentParser"/> covers the common browsers, systems and bots.
/// </summary>
public interface IUserAgentParser
{
    UserAgentInfo Parse(string userAgent);
}

/// <summary>Browser and operating system families with their versions (null when unknown).</summary>
public sealed record UserAgentInfo(string Browser, string? BrowserVersion, string OperatingSystem, string? OperatingSystemVersion)
{
    public const string Other = "Other";

    /// <summary>"Firefox 133.0", or just the family when the version is unknown.</summary>
    public string BrowserText => BrowserVersion is null ? Browser : $"{Browser} {BrowserVersion}";

    /// <summary>"Windows 10", "macOS 10.15.7", or just the family when the version is unknown.</summary>
    public string OperatingSystemText => OperatingSystemVersion is null ? OperatingSystem : $"{OperatingSystem} {OperatingSystemVersion}";
}
