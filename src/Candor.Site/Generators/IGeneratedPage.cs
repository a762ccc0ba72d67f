using Candor.Site.Configuration;

namespace Candor.Site.Generators;

/// <summary>
/// A page that a part of Candor outside the site engine adds to the build — today the privacy policy,
/// whose text Candor.Privacy writes from the configuration. Candor.Site must not reference those parts
/// (it knows nothing about HTTP, cookies or policies), so this is the whole seam: the composition root
/// (the CLI, through Candor.Server) passes implementations to <see cref="SiteBuilder"/>, and the engine
/// only places what they return — at its permalink, in a layout the site can override — and renders it
/// like any Markdown page (Liquid, then kramdown, then the layout).
/// </summary>
public interface IGeneratedPage
{
    /// <summary>The page for this configuration, or null when the configuration does not ask for it.</summary>
    /// <exception cref="SiteException">The configuration is wrong; the message names the setting.</exception>
    GeneratedPage? Generate(SiteConfig config);
}
