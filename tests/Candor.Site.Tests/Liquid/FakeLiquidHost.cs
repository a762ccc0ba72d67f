using Candor.Site.Liquid;

namespace Candor.Site.Tests.Liquid;

/// <summary>An in-memory site for Liquid tests: includes and documents are plain dictionaries.</summary>
internal sealed class FakeLiquidHost : ILiquidHost
{
    public string BaseUrl { get; init; } = "/blog";
    public string Url { get; init; } = "https://example.com";
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
    public Dictionary<string, string> Includes { get; } = new();
    /// <summary>Files for include_relative, by source-relative path.</summary>
    public Dictionary<string, string> Files { get; } = new();
    public Dictionary<string, string> Posts { get; } = new();
    public Dictionary<string, string> Links { get; } = new();
    public int IncludeLookups { get; private set; }

    public (string Text, string Path)? FindInclude(string name)
    {
        IncludeLookups++;
        return Includes.TryGetValue(name, out var text) ? (text, "_includes/" + name) : null;
    }

    public (string Text, string Path)? FindRelativeInclude(string name, string relativeTo)
    {
        var folder = Path.GetDirectoryName(relativeTo)?.Replace('\\', '/') ?? "";
        var path = folder.Length == 0 ? name : folder + "/" + name;
        return Files.TryGetValue(path, out var text) ? (text, path) : null;
    }

    public string Markdownify(string markdown) => "<p>" + markdown + "</p>\n";
    public string Smartify(string text) => text.Replace("\"", "“");
    public string? PostUrl(string name) => Posts.GetValueOrDefault(name);
    public string? LinkUrl(string relativePath) => Links.GetValueOrDefault(relativePath);
}
