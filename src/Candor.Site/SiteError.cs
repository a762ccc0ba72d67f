namespace Candor.Site;

/// <summary>A problem the site's author can fix, located by file (relative to the source) and line.</summary>
public sealed record SiteError(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } l ? $"{File}:{l}: {Message}" : $"{File}: {Message}";
}

/// <summary>Thrown for one located problem; the build collects these and reports them together.</summary>
public class SiteException(string file, int? line, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string File { get; } = file;
    public int? Line { get; } = line;
    public SiteError ToError() => new(File, Line, Message);
}

/// <summary>A build that found problems: every error found, not only the first.</summary>
public sealed class SiteBuildException(IReadOnlyList<SiteError> errors)
    : Exception($"{errors.Count} error(s) in the site:{Environment.NewLine}" + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<SiteError> Errors { get; } = errors;
}
