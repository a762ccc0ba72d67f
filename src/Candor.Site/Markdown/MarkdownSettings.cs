namespace Candor.Site.Markdown;

/// <summary>
/// The subset of Jekyll's <c>kramdown:</c> configuration that changes output. Defaults are the ones
/// Jekyll 4.3 passes to kramdown (GFM input, auto ids, smart quotes, Rouge highlighting).
/// </summary>
public sealed class MarkdownSettings
{
    public bool AutoIds { get; set; } = true;
    public string AutoIdPrefix { get; set; } = "";
    /// <summary>GFM's <c>hard_wrap</c>: Jekyll sets it to false.</summary>
    public bool HardWrap { get; set; }
    /// <summary>Heading levels that <c>{:toc}</c> includes.</summary>
    public int[] TocLevels { get; set; } = [1, 2, 3, 4, 5, 6];
    /// <summary>kramdown's <c>smart_quotes</c> entity names, in order: lsquo, rsquo, ldquo, rdquo.</summary>
    public string[] SmartQuotes { get; set; } = ["lsquo", "rsquo", "ldquo", "rdquo"];
    /// <summary>First footnote number (kramdown's <c>footnote_nr</c>).</summary>
    public int FootnoteNumber { get; set; } = 1;
}
