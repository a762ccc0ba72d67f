namespace Candor.Site.Generators;

/// <summary>
/// What an <see cref="IGeneratedPage"/> contributes: Markdown (run through Liquid first, like a page's body),
/// where it goes, and which layouts may dress it. The first of <see cref="Layouts"/> that the site has wins,
/// so a site can override the look with, say, <c>_layouts/privacy.html</c>; a site with none of them gets
/// <see cref="FallbackLayout"/>, so the page is never unstyled HTML without a document around it.
/// </summary>
/// <param name="Name">A file name for messages and <c>page.name</c>, such as <c>privacy.md</c>.</param>
/// <param name="Permalink">The URL it is written to, such as <c>/privacy/</c>.</param>
/// <param name="Markdown">The body.</param>
public sealed record GeneratedPage(string Name, string Permalink, string Markdown)
{
    /// <summary>Layout names to try, in order.</summary>
    public IReadOnlyList<string> Layouts { get; init; } = ["page", "default"];

    /// <summary>A complete HTML template with <c>{{ content }}</c>, used when the site has none of <see cref="Layouts"/>.</summary>
    public string FallbackLayout { get; init; } =
        "<!DOCTYPE html>\n<html lang=\"{{ site.lang | default: 'en' }}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{{ page.title }}</title>\n</head>\n<body>\n<main>\n<h1>{{ page.title }}</h1>\n{{ content }}\n</main>\n</body>\n</html>\n";

    /// <summary>Front matter the page carries (<c>title</c>, <c>robots</c>, …), seen by layouts as <c>page.*</c>.</summary>
    public IReadOnlyDictionary<string, object?> FrontMatter { get; init; } = new Dictionary<string, object?>();
}
