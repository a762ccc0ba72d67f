namespace Candor.Site;

/// <summary>What <c>candor build</c> is asked to do.</summary>
public sealed record BuildOptions
{
    public required string Source { get; init; }
    /// <summary>Overrides the configuration's <c>destination</c> (default <c>SOURCE/_site</c>).</summary>
    public string? Destination { get; init; }
    /// <summary>Publish posts dated in the future.</summary>
    public bool Future { get; init; }
    /// <summary>Render posts from <c>_drafts</c>.</summary>
    public bool Drafts { get; init; }
    /// <summary>Explicit configuration files (default: <c>_config.yml</c>).</summary>
    public IReadOnlyList<string>? ConfigFiles { get; init; }
}

/// <summary>Progress of a build, for a progress bar: which stage, and how far into it.</summary>
public sealed record BuildProgress(string Stage, int Done, int Total);

/// <summary>What a successful build produced.</summary>
public sealed record BuildResult(string Destination, int Pages, int Files, TimeSpan Elapsed)
{
    /// <summary>Time per stage (read, generate, render, write), for <c>--verbose</c> and benchmarks.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Time)> Stages { get; init; } = [];
    /// <summary>Problems that did not stop the build (a video preview not downloaded), printed as warning lines.</summary>
    public IReadOnlyList<SiteError> Warnings { get; init; } = [];

    public string Summary => $"Built {Pages} pages and copied {Files} files into {Destination} in {Elapsed.TotalSeconds:0.00} s";
}
