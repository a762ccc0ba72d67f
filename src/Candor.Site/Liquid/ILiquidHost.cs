namespace Candor.Site.Liquid;

/// <summary>
/// What Jekyll's Liquid tags and filters need from the site being built. The engine knows nothing
/// about documents or the file system beyond this.
/// </summary>
public interface ILiquidHost
{
    /// <summary>The site's <c>baseurl</c> ("" when unset), used by <c>relative_url</c>.</summary>
    string BaseUrl { get; }
    /// <summary>The site's <c>url</c> ("" when unset), used by <c>absolute_url</c>.</summary>
    string Url { get; }
    /// <summary>The site's time zone (<c>timezone:</c>), used to read and print dates.</summary>
    TimeZoneInfo TimeZone { get; }
    /// <summary>
    /// Finds an include by the name written in the tag (<c>footer.html</c>, <c>nav/menu</c>). Returns its
    /// text and the source-relative path for error messages, or null when no such include exists.
    /// </summary>
    (string Text, string Path)? FindInclude(string name);
    /// <summary>
    /// Reads a file for <c>include_relative</c>, <paramref name="relativeTo"/> being the source-relative
    /// path of the file containing the tag. Null when missing or outside the source folder.
    /// </summary>
    (string Text, string Path)? FindRelativeInclude(string name, string relativeTo);
    /// <summary>Markdown → HTML with the site's converter, for <c>markdownify</c>.</summary>
    string Markdownify(string markdown);
    /// <summary>Smart typography on plain text, for <c>smartify</c>.</summary>
    string Smartify(string text);
    /// <summary>URL of the post named like <c>2010-07-21-name</c> (or <c>folder/2010-07-21-name</c>), for <c>post_url</c>.</summary>
    string? PostUrl(string name);
    /// <summary>URL of the page, post, document or static file at a source-relative path, for <c>link</c>.</summary>
    string? LinkUrl(string relativePath);
    /// <summary>
    /// A problem worth telling the author about that does not stop the build (a video preview not downloaded
    /// yet). The build prints these as warning lines.
    /// </summary>
    void Warn(SiteError warning) { }
    /// <summary>
    /// A video placeholder was rendered for this (valid) YouTube id: <c>candor previews fetch</c> renders the site
    /// in memory and downloads the previews of exactly these, however the id reached the tag (a literal, a
    /// variable, an include).
    /// </summary>
    void VideoRendered(string id) { }
}
