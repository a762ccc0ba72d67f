using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Candor.Site.Documents;
using Candor.Site.Liquid;
using Candor.Site.Markdown;
using Candor.Site.Reading;
using Candor.Site.Ruby;

namespace Candor.Site.Rendering;

/// <summary>
/// Renders one document as Jekyll's Renderer does: Liquid over the content, then Markdown, then the
/// layout chain (each layout's front matter merged into <c>layout.*</c>, inner layouts winning).
/// Safe to call from several threads at once.
/// </summary>
public sealed partial class DocumentRenderer(SiteContent site, LiquidEngine liquid, KramdownConverter markdown,
    Dictionary<string, object?> sitePayload, Dictionary<string, object?> jekyllPayload)
{
    private readonly ConcurrentDictionary<string, LiquidTemplate> _layouts = new(StringComparer.Ordinal);
    private readonly Converters.Sass.SassConverter _sass = new(site.Config);

    public void Render(Document doc)
    {
        var layoutData = LayoutOf(doc) is { } first ? first.Data : null;
        var siteView = doc.Collection == "posts" ? SitePayload.ForPost(sitePayload, doc) : sitePayload;
        var globals = Globals(doc, siteView, layoutData, content: null);
        var content = RenderContent(doc.RawContent, doc, globals, doc.ContentLine);
        doc.Content = content;
        doc.Liquid["content"] = content;

        if (doc.Kind == DocumentKind.CollectionDocument && doc.Liquid.GetValueOrDefault("excerpt") is null)
            doc.Liquid["excerpt"] = RenderExcerpt(doc, globals);

        doc.Output = PlaceInLayouts(doc, siteView, content);
        doc.Liquid["output"] = doc.Output;
    }

    private Dictionary<string, object?> Globals(Document doc, Dictionary<string, object?> siteView, Dictionary<string, object?>? layout, string? content) => new(StringComparer.Ordinal)
    {
        ["site"] = siteView,
        ["jekyll"] = jekyllPayload,
        ["page"] = doc.Liquid,
        ["paginator"] = doc.Paginator,
        ["layout"] = layout,
        ["content"] = content,
    };

    private string RenderContent(string text, Document doc, Dictionary<string, object?> globals, int line)
    {
        if (RendersLiquid(doc, text))
            text = liquid.Render(liquid.Parse(text, doc.RelativePath, line - 1), globals);
        if (doc.Kind == DocumentKind.Page && Converters.Sass.SassConverter.Handles(doc.Extension)) return _sass.Convert(text, doc);
        return doc.IsMarkdown ? markdown.Convert(text) : text;
    }

    private static bool RendersLiquid(Document doc, string text) =>
        doc.Data.GetValueOrDefault("render_with_liquid") is not false && (text.Contains("{{") || text.Contains("{%"));

    /// <summary>Jekyll's default excerpt: text up to the separator plus the link definitions it needs.</summary>
    private string RenderExcerpt(Document doc, Dictionary<string, object?> globals)
    {
        var separator = RubyText.ToS(doc.Data.GetValueOrDefault("excerpt_separator") ?? site.Config.ExcerptSeparator);
        if (separator.Length == 0) return "";
        var raw = doc.RawContent;
        var at = raw.IndexOf(separator, StringComparison.Ordinal);
        var head = at < 0 ? raw : raw[..at];
        if (at >= 0)
        {
            var tail = raw[(at + separator.Length)..];
            var definitions = LinkDefinition().Matches(tail).Where(m => head.Contains(m.Groups[1].Value)).Select(m => m.Value).ToList();
            if (definitions.Count > 0) head += "\n\n" + string.Join("\n", definitions);
        }
        return RenderContent(head, doc, globals, doc.ContentLine);
    }

    private Layout? LayoutOf(Document doc)
    {
        var name = doc.Data.GetValueOrDefault("layout");
        if (name is null or false) return null;
        var text = RubyText.ToS(name);
        if (text is "" or "none" or "null") return null;
        if (site.Layouts.GetValueOrDefault(text) is { } layout) return layout;
        // The layout was named in the file's front matter, or else by `defaults:` in the configuration.
        var message = $"unknown layout '{text}' (no file _layouts/{text}.* exists)";
        if (doc.FileFrontMatter.ContainsKey("layout"))
            throw new SiteException(doc.RelativePath, FrontMatter.LineOf(Path.Combine(site.Config.Source, doc.RelativePath), "layout"), message);
        throw new SiteException(doc.RelativePath, null, message + ", set for this file by defaults: in _config.yml");
    }

    private string PlaceInLayouts(Document doc, Dictionary<string, object?> siteView, string content)
    {
        var layout = LayoutOf(doc);
        if (layout is null) return content;
        Dictionary<string, object?>? layoutData = null;
        var used = new HashSet<string>(StringComparer.Ordinal);
        var output = content;
        while (layout is not null && used.Add(layout.Name))
        {
            // Inner layouts' values win over their parents', as in Jekyll's render_layout.
            var merged = new Dictionary<string, object?>(layout.Data, StringComparer.Ordinal);
            if (layoutData is not null) Configuration.FrontMatterDefaults.DeepMerge(merged, layoutData);
            layoutData = merged;
            var template = _layouts.GetOrAdd(layout.Name, _ => liquid.Parse(layout.Content, layout.RelativePath, layout.ContentLine - 1));
            output = liquid.Render(template, Globals(doc, siteView, layoutData, output));
            if (layout.Parent is not { } parent) break;
            layout = site.Layouts.GetValueOrDefault(parent)
                ?? throw new SiteException(layout.RelativePath, FrontMatter.LineOf(Path.Combine(site.Config.Source, layout.RelativePath), "layout"),
                    $"unknown layout '{parent}' (no file _layouts/{parent}.* exists)");
        }
        return output;
    }

    [GeneratedRegex(@"^ {0,3}(\[[^\]]+\])(:.+)$", RegexOptions.Multiline)]
    private static partial Regex LinkDefinition();
}
