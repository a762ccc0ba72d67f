using Candor.Site.Markdown.Attributes;
using Candor.Site.Markdown.Code;
using Candor.Site.Markdown.Footnotes;
using Candor.Site.Markdown.HeadingIds;
using Candor.Site.Markdown.Lists;
using Candor.Site.Markdown.Html;
using Candor.Site.Markdown.Rendering;
using Candor.Site.Markdown.Toc;
using Candor.Site.Markdown.Typography;
using Markdig;

namespace Candor.Site.Markdown;

/// <summary>
/// Converts Markdown the way Jekyll's kramdown (GFM input) does, on top of Markdig.
/// Thread-safe: the pipeline is immutable after construction and every call gets its own renderer.
/// </summary>
public sealed class KramdownConverter
{
    private readonly MarkdownPipeline _pipeline;
    private readonly KramdownTypography _typography;

    public KramdownConverter(MarkdownSettings? settings = null)
    {
        Settings = settings ?? new MarkdownSettings();
        var builder = new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .UsePipeTables()
            .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
            .UseDefinitionLists()
            .UseAbbreviations()
            .UseFootnotes();
        _typography = new KramdownTypography(Settings.SmartQuotes);
        builder.Extensions.Add(new KramdownAttributeListExtension());
        builder.Extensions.Add(new KramdownListItemExtension());
        builder.Extensions.Add(new KramdownTypographyExtension(_typography));
        if (Settings.AutoIds)
            builder.Extensions.Add(new KramdownHeadingIdExtension(Settings.AutoIdPrefix));
        builder.Extensions.Add(new KramdownTocExtension(Settings.TocLevels));
        builder.Extensions.Add(new KramdownRenderingExtension());
        builder.Extensions.Add(new KramdownCodeExtension());
        builder.Extensions.Add(new KramdownFootnoteExtension(Settings.FootnoteNumber));
        builder.Extensions.Add(new KramdownHtmlExtension(ConvertAt));
        _pipeline = builder.Build();
    }

    public MarkdownSettings Settings { get; }

    public string Convert(string markdown) => ConvertAt(markdown, 0);

    /// <summary>Smart typography only (quotes, dashes, ellipses), as Jekyll's <c>smartify</c> filter.</summary>
    public string Smartify(string text) => SmartifyHtml.Escape(_typography.Apply(text));

    private string ConvertAt(string markdown, int indent)
    {
        markdown = markdown.Replace("\r\n", "\n");
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        using var writer = new StringWriter();
        var renderer = new KramdownHtmlRenderer(writer, document, markdown) { Indent = indent };
        _pipeline.Setup(renderer);
        renderer.WriteChildren(document, extraIndent: 0);
        writer.Flush();
        return writer.ToString();
    }
}
