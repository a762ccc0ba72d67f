namespace Candor.Site.Documents;

/// <summary>A file of <c>_layouts</c>: its front matter (seen as <c>layout.*</c>) and template.</summary>
public sealed record Layout(string Name, string RelativePath, Dictionary<string, object?> Data, string Content, int ContentLine)
{
    /// <summary>The layout this one is placed in, if any.</summary>
    public string? Parent => Data.GetValueOrDefault("layout") is string s && s.Length > 0 ? s : null;
}
