namespace Candor.Analytics.Classification;

/// <summary>
/// Acquisition channels, decided once per event at ingestion from its source, UTM medium/campaign and ad click id.
/// The names and their order of precedence follow Plausible's channel grouping, which itself follows Google
/// Analytics 4's default channel groups: a paid medium (<c>cpc</c>, <c>ppc</c>, <c>paid…</c>) or an ad click id
/// turns a search/social/video/shopping source into its "Paid" channel, explicit mediums (<c>email</c>,
/// <c>affiliate</c>, <c>display</c>, …) win over a bare referrer, and no source at all is Direct. The source lists
/// are short and by hand — the names <see cref="KnownSources"/> gives plus what people type into <c>utm_source</c>;
/// an unknown source with no telling medium is a Referral.
/// </summary>
public static class Channels
{
    public const string Direct = "Direct";
    public const string Referral = "Referral";
    public const string OrganicSearch = "Organic Search";
    public const string PaidSearch = "Paid Search";
    public const string OrganicSocial = "Organic Social";
    public const string PaidSocial = "Paid Social";
    public const string OrganicVideo = "Organic Video";
    public const string PaidVideo = "Paid Video";
    public const string OrganicShopping = "Organic Shopping";
    public const string PaidShopping = "Paid Shopping";
    public const string Email = "Email";
    public const string Display = "Display";
    public const string PaidOther = "Paid Other";
    public const string Affiliates = "Affiliates";
    public const string Audio = "Audio";
    public const string Sms = "SMS";
    public const string MobilePush = "Mobile Push Notifications";
    public const string CrossNetwork = "Cross-network";

    /// <summary>Every channel <see cref="Of(string?, string?, string?, string?)"/> can answer (the store keeps them as an ENUM).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Direct, Referral, OrganicSearch, PaidSearch, OrganicSocial, PaidSocial, OrganicVideo, PaidVideo, OrganicShopping,
        PaidShopping, Email, Display, PaidOther, Affiliates, Audio, Sms, MobilePush, CrossNetwork,
    ];

    // Matched as substrings of the lower-cased source, so "Google", "google.com" and "news.google" all count.
    private static readonly string[] SearchSources =
        ["google", "bing", "duckduckgo", "yahoo", "yandex", "baidu", "ecosia", "qwant", "brave", "startpage", "kagi", "naver", "seznam", "sogou", "mojeek", "search"];
    private static readonly string[] SocialSources =
        ["facebook", "instagram", "twitter", "linkedin", "lnkd.in", "reddit", "pinterest", "tiktok", "whatsapp", "mastodon", "bluesky", "bsky", "threads", "hacker news", "ycombinator", "tumblr", "snapchat", "telegram", "discord", "vk.com", "weibo", "quora", "lobsters"];
    private static readonly HashSet<string> SocialExact = new(StringComparer.Ordinal) { "fb", "x", "x.com", "t.co", "ig", "vk", "hn" };
    private static readonly string[] VideoSources = ["youtube", "youtu.be", "vimeo", "twitch", "dailymotion", "netflix", "disneyplus"];
    private static readonly string[] ShoppingSources = ["amazon", "ebay", "etsy", "shopify", "walmart", "alibaba", "aliexpress", "google shopping"];
    private static readonly string[] EmailWords = ["email", "e-mail", "e_mail", "e mail", "newsletter", "mail.google", "outlook.live", "webmail"];
    private static readonly HashSet<string> SocialMediums = new(StringComparer.Ordinal) { "social", "social-network", "social-media", "sm", "social network", "social media" };
    private static readonly HashSet<string> DisplayMediums = new(StringComparer.Ordinal) { "display", "banner", "expandable", "interstitial", "cpm" };
    private static readonly HashSet<string> SearchClickIds = new(StringComparer.Ordinal) { "gclid", "gbraid", "wbraid", "msclkid" };

    /// <summary>The channel of an event whose traffic source resolved to <paramref name="source"/>.</summary>
    public static string Of(TrafficSource source, string? utmMedium, string? utmCampaign) =>
        Of(source.Source, utmMedium, utmCampaign, source.ClickIdParam);

    /// <param name="source">The effective source (tagged source, else the referrer's known name or host); null for none.</param>
    /// <param name="utmMedium">The <c>utm_medium</c> parameter.</param>
    /// <param name="utmCampaign">The <c>utm_campaign</c> parameter.</param>
    /// <param name="clickIdParam">Which ad click id the URL carried (<c>gclid</c>, …), if any.</param>
    public static string Of(string? source, string? utmMedium, string? utmCampaign, string? clickIdParam)
    {
        if (source is null || utmMedium is not null || utmCampaign is not null || clickIdParam is not null)
            return Classify(source, utmMedium, utmCampaign, clickIdParam);
        // Most events carry a source and nothing else, and the answer then depends on the source alone: the dozen
        // substring scans below showed in the ingestion profile, for a few hundred distinct sources a day.
        return BySourceAlone.GetOrAdd(source, static (s, _) => Classify(s, null, null, null), 0);
    }

    private static readonly BoundedCache<string> BySourceAlone = new(10_000);

    private static string Classify(string? source, string? utmMedium, string? utmCampaign, string? clickIdParam)
    {
        var s = Normalise(source);
        var medium = Normalise(utmMedium);
        var campaign = Normalise(utmCampaign);
        if (s.Length == 0 && medium.Length == 0 && campaign.Length == 0 && clickIdParam is null) return Direct;

        var paid = IsPaidMedium(medium);
        var search = ContainsAny(s, SearchSources);
        var social = SocialExact.Contains(s) || ContainsAny(s, SocialSources);
        var video = ContainsAny(s, VideoSources);
        var shopping = ContainsAny(s, ShoppingSources) || IsShoppingCampaign(campaign);

        if (campaign.Contains("cross-network", StringComparison.Ordinal)) return CrossNetwork;
        if (shopping && paid) return PaidShopping;
        if (search && (paid || (clickIdParam is not null && SearchClickIds.Contains(clickIdParam)))) return PaidSearch;
        if (social && (paid || clickIdParam is "fbclid" or "twclid")) return PaidSocial;
        if (video && paid) return PaidVideo;
        if (DisplayMediums.Contains(medium)) return Display;
        if (paid) return PaidOther;
        if (shopping) return OrganicShopping;
        if (social || SocialMediums.Contains(medium)) return OrganicSocial;
        if (video || medium.Contains("video", StringComparison.Ordinal)) return OrganicVideo;
        if (search || medium == "organic") return OrganicSearch;
        if (ContainsAny(s, EmailWords) || ContainsAny(medium, EmailWords)) return Email;
        if (medium == "affiliate") return Affiliates;
        if (medium == "audio") return Audio;
        if (s == "sms" || medium == "sms") return Sms;
        if (medium.EndsWith("push", StringComparison.Ordinal) || medium.Contains("mobile", StringComparison.Ordinal) || medium.Contains("notification", StringComparison.Ordinal))
            return MobilePush;
        // A referrer, a tagged source we do not know, or a medium like "referral"/"link": someone linked here.
        return Referral;
    }

    private static string Normalise(string? value) => value?.Trim().ToLowerInvariant() ?? "";

    private static bool IsPaidMedium(string medium) =>
        medium.Length > 0 && (medium.Contains("cp", StringComparison.Ordinal) || medium == "ppc" || medium == "retargeting" || medium.StartsWith("paid", StringComparison.Ordinal));

    /// <summary>"shop"/"shopping" as a word start in the campaign (so "workshop" is not a shop).</summary>
    private static bool IsShoppingCampaign(string campaign)
    {
        if (campaign.Contains("shopping", StringComparison.Ordinal)) return true;
        for (var i = campaign.IndexOf("shop", StringComparison.Ordinal); i >= 0; i = campaign.IndexOf("shop", i + 1, StringComparison.Ordinal))
            if (i == 0 || !char.IsAsciiLetter(campaign[i - 1]) || campaign[i - 1] == 'e') return true;
        return false;
    }

    private static bool ContainsAny(string value, string[] needles)
    {
        if (value.Length == 0) return false;
        foreach (var needle in needles)
            if (value.Contains(needle, StringComparison.Ordinal)) return true;
        return false;
    }
}
