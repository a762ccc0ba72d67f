using System.Runtime.CompilerServices;

namespace Candor.Analytics.Classification;

/// <summary>
/// Well-known referrer hosts → the source name the dashboard shows, so "www.google.de", "google.com" and
/// "news.google.com" all count as "Google". Kept small and by hand: anything not listed is shown by its host,
/// which is still useful. Matching is on the www-stripped host, then on each parent domain, then on the
/// registrable name without its suffix for search engines with a domain per country ("google.*").
/// </summary>
public static class KnownSources
{
    private static readonly Dictionary<string, string> ByHost = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bing.com"] = "Bing",
        ["duckduckgo.com"] = "DuckDuckGo",
        ["search.yahoo.com"] = "Yahoo!",
        ["yahoo.com"] = "Yahoo!",
        ["ecosia.org"] = "Ecosia",
        ["search.brave.com"] = "Brave",
        ["startpage.com"] = "Startpage",
        ["qwant.com"] = "Qwant",
        ["kagi.com"] = "Kagi",
        ["baidu.com"] = "Baidu",
        ["yandex.ru"] = "Yandex",
        ["yandex.com"] = "Yandex",
        ["facebook.com"] = "Facebook",
        ["m.facebook.com"] = "Facebook",
        ["l.facebook.com"] = "Facebook",
        ["lm.facebook.com"] = "Facebook",
        ["instagram.com"] = "Instagram",
        ["l.instagram.com"] = "Instagram",
        ["t.co"] = "Twitter",
        ["twitter.com"] = "Twitter",
        ["x.com"] = "Twitter",
        ["reddit.com"] = "Reddit",
        ["old.reddit.com"] = "Reddit",
        ["out.reddit.com"] = "Reddit",
        ["github.com"] = "GitHub",
        ["youtube.com"] = "YouTube",
        ["m.youtube.com"] = "YouTube",
        ["youtu.be"] = "YouTube",
        ["linkedin.com"] = "LinkedIn",
        ["lnkd.in"] = "LinkedIn",
        ["news.ycombinator.com"] = "Hacker News",
        ["lobste.rs"] = "Lobsters",
        ["bsky.app"] = "Bluesky",
        ["mastodon.social"] = "Mastodon",
        ["mastodon.online"] = "Mastodon",
        ["fosstodon.org"] = "Mastodon",
        ["hachyderm.io"] = "Mastodon",
        ["infosec.exchange"] = "Mastodon",
        ["pinterest.com"] = "Pinterest",
        ["stackoverflow.com"] = "Stack Overflow",
        ["wikipedia.org"] = "Wikipedia",
        ["chatgpt.com"] = "ChatGPT",
        ["perplexity.ai"] = "Perplexity",
    };

    /// <summary>Search engines with one domain per country; matched on the label before the public suffix.</summary>
    private static readonly Dictionary<string, string> ByRegistrableName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["google"] = "Google",
        ["bing"] = "Bing",
        ["yahoo"] = "Yahoo!",
        ["yandex"] = "Yandex",
        ["ecosia"] = "Ecosia",
        ["duckduckgo"] = "DuckDuckGo",
    };

    /// <summary>The known name of <paramref name="host"/> (lower case, www-stripped), or null when it is not in the table.</summary>
    public static string? NameOf(string host, PublicSuffixList? suffixes = null) =>
        suffixes is null ? Lookup(host, null) : Memo.GetValue(suffixes, _ => new BoundedCache<string?>(10_000)).GetOrAdd(host, static (h, list) => Lookup(h, list), suffixes);

    // Referrer hosts repeat (a handful of search engines and social sites bring most visits), and the lookup below
    // cuts substrings and asks the suffix list: it was most of what classifying an event allocated. One memo per
    // suffix list, so a different list never sees another's answers.
    private static readonly ConditionalWeakTable<PublicSuffixList, BoundedCache<string?>> Memo = new();

    private static string? Lookup(string host, PublicSuffixList? suffixes)
    {
        for (var h = host; h.Length > 0;)
        {
            if (ByHost.TryGetValue(h, out var name)) return name;
            var dot = h.IndexOf('.');
            if (dot < 0) break;
            h = h[(dot + 1)..];
        }
        if (suffixes is not null && host.Contains('.'))
        {
            var registrable = suffixes.RegistrableDomain(host);
            var label = registrable.Split('.')[0];
            if (ByRegistrableName.TryGetValue(label, out var name)) return name;
        }
        return null;
    }
}
