using System.Text.RegularExpressions;
using Candor.Site.Documents;
using Candor.Site.Liquid.Tags.Embeds;
using Candor.Site.Reading;

namespace Candor.Site.Generators;

/// <summary>
/// Writes <c>/assets/js/candor-embeds.js</c>, the script the embed tags load, into sites that use them: a tag built
/// into Candor must work on any site, and the script must come from the site itself (<c>script-src 'self'</c>).
/// A site with its own file at that path keeps it. Sites using none of the tags (Jekyll's fixtures) get nothing.
/// </summary>
public static partial class EmbedScript
{
    public static readonly string Text = ReadResource();

    public static void Generate(SiteContent site)
    {
        var path = EmbedHtml.ScriptPath.TrimStart('/');
        if (site.Pages.Any(p => p.RelativePath == path) || site.StaticFiles.Any(f => f.RelativePath == path)) return;
        if (!UsesEmbeds(site)) return;
        site.Pages.Add(new Document
        {
            Kind = DocumentKind.Generated,
            RelativePath = path,
            Data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["layout"] = null, ["sitemap"] = false, ["render_with_liquid"] = false },
            RawContent = Text,
            OutputExtension = ".js",
            Url = EmbedHtml.ScriptPath,
        });
    }

    /// <summary>
    /// Whether any page, post, layout or include may render an embed tag. Reading the includes folder here is
    /// cheap (few small files) and saves threading "a tag ran" back out of a parallel render.
    /// </summary>
    private static bool UsesEmbeds(SiteContent site)
    {
        var config = site.Config;
        if (config.Values.GetValueOrDefault("candor") is IReadOnlyDictionary<string, object?> candor
            && (candor.ContainsKey("embeds") || candor.ContainsKey("ads")))
            return true;
        if (site.Renderables.Any(d => EmbedTag().IsMatch(d.RawContent))) return true;
        if (site.Layouts.Values.Any(l => EmbedTag().IsMatch(l.Content))) return true;
        var includes = Path.Combine(config.Source, config.IncludesDir);
        return Directory.Exists(includes)
            && Directory.EnumerateFiles(includes, "*", SearchOption.AllDirectories).Any(f => EmbedTag().IsMatch(File.ReadAllText(f)));
    }

    [GeneratedRegex(@"\{%-?\s*(?:youtube|ad|comments|analytics_opt_out)\b|\{%-?\s*include\s+youtube\.html")]
    private static partial Regex EmbedTag();

    private static string ReadResource()
    {
        using var stream = typeof(EmbedScript).Assembly.GetManifestResourceStream("Candor.Site.candor-embeds.js")
            ?? throw new InvalidOperationException("the embed script is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
