using Candor.Site.Ruby;
using Fluid;
using Fluid.Values;

namespace Candor.Site.Liquid.Tags.Embeds;

/// <summary>
/// The site's <c>candor:</c> settings that the embed tags need, read from <c>site.candor</c> at render time so
/// a tag behaves the same under <c>build</c> and <c>serve</c> (which re-reads the configuration on change).
/// <code>
/// candor:
///   embeds:
///     youtube:
///       preview_url: "https://i.ytimg.com/vi/{id}/hqdefault.jpg"   # used by `candor previews fetch` only
///     comments:
///       forum: https://forum.example.org
///   ads:
///     script: "https://cdn.carbonads.com/carbon.js?serve=XXXX&amp;placement=example"
/// </code>
/// </summary>
internal sealed record EmbedSettings(string? Forum, string? AdScript)
{
    public static async ValueTask<EmbedSettings> ReadAsync(TemplateContext context)
    {
        var candor = await context.GetValue("site").GetValueAsync("candor", context);
        var embeds = await candor.GetValueAsync("embeds", context);
        var comments = await embeds.GetValueAsync("comments", context);
        var ads = await candor.GetValueAsync("ads", context);
        return new EmbedSettings(
            Text(await comments.GetValueAsync("forum", context))?.TrimEnd('/'),
            Text(await ads.GetValueAsync("script", context)));
    }

    private static string? Text(FluidValue value) => value.IsNil() ? null : RubyText.ToS(value.ToObjectValue());
}
