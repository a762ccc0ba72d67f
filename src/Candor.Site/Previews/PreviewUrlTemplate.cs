using Candor.Site.Liquid.Tags.Embeds;

namespace Candor.Site.Previews;

/// <summary>
/// Where previews are downloaded from: <c>candor: embeds: youtube: preview_url:</c>, with <c>{id}</c> standing
/// for the video id (tests point it at a local server). Only the id is ever substituted, and only a valid one,
/// so a crafted id cannot change the host or path being fetched.
/// </summary>
public sealed class PreviewUrlTemplate
{
    public const string Default = "https://i.ytimg.com/vi/{id}/hqdefault.jpg";
    public const string Placeholder = "{id}";

    private readonly string _template;

    public PreviewUrlTemplate(string template)
    {
        if (!template.Contains(Placeholder, StringComparison.Ordinal))
            throw new SiteException("_config.yml", null, $"candor.embeds.youtube.preview_url: '{template}' has no {Placeholder}");
        if (!Uri.TryCreate(template.Replace(Placeholder, "x", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw new SiteException("_config.yml", null, $"candor.embeds.youtube.preview_url: '{template}' is not an http(s) URL");
        _template = template;
    }

    /// <summary>From the site's configuration (<c>youtube: true</c> or no setting: the default).</summary>
    public static PreviewUrlTemplate From(IReadOnlyDictionary<string, object?> config) =>
        new(config.GetValueOrDefault("candor") is IReadOnlyDictionary<string, object?> candor
            && candor.GetValueOrDefault("embeds") is IReadOnlyDictionary<string, object?> embeds
            && embeds.GetValueOrDefault("youtube") is IReadOnlyDictionary<string, object?> youtube
            && youtube.GetValueOrDefault("preview_url") is string url
                ? url
                : Default);

    public Uri For(string id) => VideoPreview.IsVideoId(id)
        ? new Uri(_template.Replace(Placeholder, id, StringComparison.Ordinal))
        : throw new ArgumentException($"'{id}' is not a YouTube video id", nameof(id));
}
