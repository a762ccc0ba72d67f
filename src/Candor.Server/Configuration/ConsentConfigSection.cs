using Candor.Privacy.Consent;

namespace Candor.Server.Configuration;

/// <summary>
/// Reads the third parties a site enables onto <see cref="ConsentOptions"/> (the same settings the site's embed
/// tags read):
/// <code>
/// candor:
///   embeds:
///     youtube: true                     # or a mapping (preview_url: …); videos are also found in the built site
///     comments:
///       forum: https://forum.example.org
///   ads:
///     script: https://cdn.carbonads.com/carbon.js?serve=XXXX&amp;placement=example
///     hosts: [https://srv.carbonads.net, https://cdn4.buysellads.net]   # what the ad script loads in turn
/// </code>
/// </summary>
public static class ConsentConfigSection
{
    private static readonly HashSet<string> KnownEmbeds = ["youtube", "comments"];

    public static ConsentOptions Read(IReadOnlyDictionary<string, object?> candor)
    {
        var options = new ConsentOptions();
        if (candor.GetValueOrDefault("embeds") is { } rawEmbeds)
        {
            if (rawEmbeds is not IReadOnlyDictionary<string, object?> embeds) throw Fail("embeds", "expected a mapping (youtube, comments)");
            // An unknown provider would be silently ignored, and the page would show a button that does nothing.
            if (embeds.Keys.FirstOrDefault(k => !KnownEmbeds.Contains(k)) is { } unknown)
                throw Fail("embeds." + unknown, $"unknown provider (known: {string.Join(", ", KnownEmbeds)})");
            options = options with
            {
                Videos = embeds.GetValueOrDefault("youtube") is { } youtube && youtube is not false,
                Forum = embeds.GetValueOrDefault("comments") is IReadOnlyDictionary<string, object?> comments
                    ? Url(comments.GetValueOrDefault("forum"), "embeds.comments.forum") : null,
            };
        }
        if (candor.GetValueOrDefault("ads") is IReadOnlyDictionary<string, object?> ads)
        {
            // An ad network's script fetches the ad itself and its image from further hosts; they are allowed
            // only for visitors who get the script at all, so they are listed here rather than guessed.
            var hosts = ads.GetValueOrDefault("hosts") switch
            {
                null => [],
                IEnumerable<object?> list => list.Select(h => Url(h, "ads.hosts")).ToList(),
                var other => throw Fail("ads.hosts", $"expected a list of http(s) origins, got '{other}'"),
            };
            options = options with { AdScript = Url(ads.GetValueOrDefault("script"), "ads.script"), AdHosts = hosts };
        }
        return options;
    }

    private static Uri Url(object? raw, string setting) =>
        raw is string s && Uri.TryCreate(s, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : throw Fail(setting, $"expected an http(s) URL, got '{raw}'");

    /// <summary>Names the full setting (<c>candor.embeds.comments.forum</c>) in the message.</summary>
    private static ServerConfigException Fail(string setting, string message)
    {
        var dot = setting.IndexOf('.');
        return dot < 0 ? new ServerConfigException("", message, setting) : new ServerConfigException(setting[(dot + 1)..], message, setting[..dot]);
    }
}
