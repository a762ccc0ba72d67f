using Candor.Site.Documents;
using Candor.Site.Reading;
using Candor.Site.Ruby;

namespace Candor.Site.Generators;

/// <summary>
/// jekyll-paginate (v1): the deepest <c>index.html</c> at or above <c>paginate_path</c>'s folder lists
/// <c>paginate</c> posts per page; pages 2..n are copies of it at <c>paginate_path</c> with <c>:num</c> filled in.
/// </summary>
public static class Pagination
{
    public const string PluginName = "jekyll-paginate";

    public static void Generate(SiteContent site)
    {
        var config = site.Config;
        if (!config.HasPlugin(PluginName) || config.Values.GetValueOrDefault("paginate") is null || site.Pages.Count == 0) return;
        var perPage = config.Paginate;
        if (perPage <= 0) throw new SiteException("_config.yml", null, "paginate must be a whole number above 0");
        if (!config.PaginatePath.Contains(":num"))
            throw new SiteException("_config.yml", null, $"paginate_path '{config.PaginatePath}' must contain :num");
        var template = TemplatePage(site);
        if (template is null) return;

        var posts = site.Posts.Reverse().Where(p => p.Data.GetValueOrDefault("hidden") is null or false).Select(p => (object?)p.Liquid).ToList();
        var totalPages = (int)Math.Ceiling(posts.Count / (double)perPage);
        for (var number = 1; number <= totalPages; number++)
        {
            var pager = Pager(config.PaginatePath, template.Url, number, perPage, totalPages, posts);
            if (number == 1)
            {
                template.Paginator = pager;
                continue;
            }
            var copy = new Document
            {
                Kind = DocumentKind.Page,
                RelativePath = template.RelativePath,
                Data = new Dictionary<string, object?>(template.Data, StringComparer.Ordinal),
                RawContent = template.RawContent,
                ContentLine = template.ContentLine,
                IsMarkdown = template.IsMarkdown,
                OutputExtension = template.OutputExtension,
                Paginator = pager,
            };
            // jekyll-paginate sets the copy's dir, and an index page's URL is its dir.
            copy.Url = Permalink.Sanitize(PagePath(config.PaginatePath, template.Url, number) + "/");
            site.Pages.Add(copy);
        }
    }

    private static Document? TemplatePage(SiteContent site)
    {
        var pathDir = Path.GetDirectoryName(site.Config.PaginatePath.Trim('/'))?.Replace('\\', '/') ?? "";
        var candidates = new List<string>();
        for (var dir = pathDir; ; dir = dir.Contains('/') ? dir[..dir.LastIndexOf('/')] : "")
        {
            candidates.Add(dir);
            if (dir.Length == 0) break;
        }
        return site.Pages
            .Where(p => p.Name == "index.html" && candidates.Contains(Path.GetDirectoryName(p.RelativePath)?.Replace('\\', '/') ?? ""))
            .OrderByDescending(p => p.RelativePath.Length)
            .FirstOrDefault();
    }

    private static string PagePath(string format, string firstUrl, int number) =>
        number <= 1 ? firstUrl : "/" + format.Replace(":num", number.ToString()).TrimStart('/');

    private static Dictionary<string, object?> Pager(string format, string firstUrl, int number, int perPage, int total, List<object?> posts)
    {
        long? previous = number > 1 ? number - 1 : null;
        long? next = number < total ? number + 1 : null;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["page"] = (long)number,
            ["per_page"] = (long)perPage,
            ["posts"] = posts.Skip((number - 1) * perPage).Take(perPage).ToList(),
            ["total_posts"] = (long)posts.Count,
            ["total_pages"] = (long)total,
            ["previous_page"] = previous,
            ["previous_page_path"] = previous is { } p ? PagePath(format, firstUrl, (int)p) : null,
            ["next_page"] = next,
            ["next_page_path"] = next is { } n ? PagePath(format, firstUrl, (int)n) : null,
        };
    }
}
