using Candor.Site.Documents;
using Candor.Site.Reading;

namespace Candor.Site.Generators;

/// <summary>Places the pages of <see cref="IGeneratedPage"/>s into the site, after the site's own pages are read.</summary>
internal static class GeneratedPages
{
    public static void Generate(SiteContent site, IReadOnlyList<IGeneratedPage> generators)
    {
        foreach (var generator in generators)
        {
            if (generator.Generate(site.Config) is not { } page) continue;
            var url = Permalink.Expand(page.Permalink, new Dictionary<string, string?>());
            // Two files at one URL would silently overwrite each other; say which two.
            if (site.Pages.FirstOrDefault(p => p.Url == url) is { } clash)
                throw new SiteException(clash.RelativePath, null, $"{clash.RelativePath} and the generated {page.Name} are both at {url}; remove the file or give the generated page another permalink");
            var layout = page.Layouts.FirstOrDefault(site.Layouts.ContainsKey);
            if (layout is null)
            {
                layout = "candor-generated-" + Path.GetFileNameWithoutExtension(page.Name);
                site.Layouts.TryAdd(layout, new Layout(layout, $"{page.Name} (built-in layout)", [], page.FallbackLayout, 1));
            }
            var data = new Dictionary<string, object?>(page.FrontMatter, StringComparer.Ordinal)
            {
                ["layout"] = layout,
                ["permalink"] = page.Permalink,
            };
            site.Pages.Add(new Document
            {
                Kind = DocumentKind.Generated,
                RelativePath = page.Name,
                Data = data,
                RawContent = page.Markdown,
                IsMarkdown = true,
                OutputExtension = ".html",
                Url = url,
            });
        }
    }
}
