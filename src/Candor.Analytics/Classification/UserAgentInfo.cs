namespace Candor.Analytics.Classification;

/// <summary>What Candor keeps of a user agent: names and <c>major.minor</c> versions, never the string itself.</summary>
/// <param name="Browser">Plausible-style browser name ("Chrome", "Safari", "Firefox", …), or null when unknown.</param>
/// <param name="BrowserVersion"><c>major.minor</c> (or just <c>major</c>), or null.</param>
/// <param name="Os">Operating system name ("Windows", "Mac", "iOS", "Android", "GNU/Linux", …), or null.</param>
/// <param name="OsVersion"><c>major.minor</c> (or just <c>major</c>), or null.</param>
/// <param name="Device">Desktop, Mobile or Tablet — Plausible's "screen size" dimension, derived from the user agent.</param>
public sealed record UserAgentInfo(string? Browser, string? BrowserVersion, string? Os, string? OsVersion, string Device);

/// <summary>The values of <see cref="UserAgentInfo.Device"/>.</summary>
public static class DeviceTypes
{
    public const string Desktop = "Desktop";
    public const string Mobile = "Mobile";
    public const string Tablet = "Tablet";

    public static readonly IReadOnlyList<string> All = [Desktop, Mobile, Tablet];
}
