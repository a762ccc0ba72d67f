using System.Globalization;
using System.Text;
using Candor.Privacy.Cookies;

namespace Candor.Privacy.Policy;

/// <summary>
/// Writes the site's privacy policy, as Markdown, from <see cref="PrivacyPolicyOptions"/>. It follows the usual
/// shape of a German-style policy (overview; general information with the controller; what is collected;
/// analytics and ads; embedded tools; third parties; rights) but every sentence describes what Candor actually
/// does, and every number and list comes from the options — so changing the configuration changes the policy,
/// and a feature that is off is not mentioned at all.
/// </summary>
public static class PrivacyPolicy
{
    public static string Render(PrivacyPolicyOptions options)
    {
        var text = new StringBuilder();
        var chapter = 0;
        void Chapter(string title) => text.Append("## ").Append(++chapter).Append(". ").Append(title).Append("\n\n");

        Chapter("Overview");
        Overview(text, options);
        Chapter("General information");
        General(text, options);
        Chapter("What this website collects");
        Cookies(text, options);
        ServerLogs(text, options);
        if (options.Analytics is not null || options.Ads is not null)
        {
            Chapter(options.Ads is null ? "Analytics" : options.Analytics is null ? "Advertising" : "Analytics and advertising");
            if (options.Analytics is { } analytics) Analytics(text, analytics, options.AnalyticsOptOut);
            if (options.Ads is { } ads) Ads(text, ads);
        }
        if (options.Videos is not null || options.Comments is not null || options.GitHubProxy is not null)
        {
            Chapter("Embedded content and tools");
            if (options.Videos is { } videos) Videos(text, videos);
            if (options.Comments is { } comments) Comments(text, comments);
            if (options.GitHubProxy is { } gitHub) GitHub(text, gitHub);
        }
        Chapter("Third parties");
        ThirdParties(text, options);
        Chapter("Your rights");
        Rights(text, options);
        text.Append("<center><em>This document was last updated on ")
            .Append(options.LastUpdated.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture))
            .Append(".</em></center>\n");
        return text.ToString();
    }

    private static void Overview(StringBuilder text, PrivacyPolicyOptions options)
    {
        text.Append("This page explains which personal data this website handles, why, for how long, and who else sees it. ")
            .Append("Personal data is anything that relates to you as an identifiable person, such as your IP address.\n\n");
        var others = ThirdPartyNames(options);
        text.Append(others.Count == 0
            ? "Pages of this website load nothing from other servers: your browser talks to this website and to nobody else.\n\n"
            : options.Ads is not null
            // With ads on, a page view does load the ad script (unless you opted out): the sentence must not say otherwise.
            ? $"Apart from the advertisement described below, which you can switch off, pages of this website load nothing from other servers on their own. Some features involve other companies ({string.Join(", ", others)}); each is described below, and most of them only come into play when you choose to use them.\n\n"
            : $"Pages of this website load nothing from other servers on their own. Some features involve other companies ({string.Join(", ", others)}); each is described below, and most of them only come into play when you choose to use them.\n\n");
    }

    private static void General(StringBuilder text, PrivacyPolicyOptions options)
    {
        var c = options.Controller;
        text.Append("### Who is responsible\n\n");
        text.Append("The controller responsible for the processing of personal data on this website is:\n\n");
        text.Append(string.Join("<br />\n", new[] { c.Name }.Concat(c.Address).Select(MarkdownText.Escape))).Append("\n\n");
        if (c.Phone is { } phone) text.Append("Telephone: ").Append(MarkdownText.Escape(phone)).Append("<br />\n");
        text.Append("Email: ").Append(MarkdownText.Escape(c.Email)).Append("\n\n");
        if (options.HostingProvider is { } host)
        {
            text.Append("### Hosting\n\n");
            text.Append("This website runs on a server provided by ").Append(MarkdownText.Escape(host.Name))
                .Append(host.Address.Count > 0 ? " (" + string.Join(", ", host.Address.Select(MarkdownText.Escape)) + ")" : "")
                .Append(". The provider processes the traffic to and from the server on our behalf and on our instructions")
                .Append(host.PrivacyUrl is { } url ? $"; its own policy is at <{url}>.\n\n" : ".\n\n");
        }
        text.Append("### Encryption\n\n");
        // Stated from the server's settings, never assumed: a site served over plain HTTP says so.
        if (options.Encrypted)
            text.Append("Pages are delivered over an encrypted connection (TLS, shown by `https://` and a lock symbol in the address bar), ")
                .Append("so what you request and what you send cannot be read or changed on its way.\n\n");
        else
            text.Append("This server delivers pages without encryption (plain `http://`): what you request and what you send ")
                .Append("can be read or changed by anyone on the network path between you and the server.\n\n");
    }

    private static void Cookies(StringBuilder text, PrivacyPolicyOptions options)
    {
        text.Append("### Cookies\n\n");
        if (options.Cookies.Count == 0)
        {
            text.Append("This website sets no cookies.\n\n");
            return;
        }
        text.Append("Reading pages on this website sets no cookie. A cookie is set only when you use one of the features below, ")
            .Append("and each is used for nothing but the purpose given. None of them is shared with anyone.\n\n");
        text.Append("| Cookie | Purpose | Kept for | Legal basis |\n|---|---|---|---|\n");
        foreach (var cookie in options.Cookies)
        {
            var purpose = MarkdownText.Escape(cookie.Purpose) + (cookie.When is { } when ? " (set " + MarkdownText.Escape(when) + ")" : "");
            text.Append("| `").Append(cookie.Name).Append("` | ").Append(purpose).Append(" | ")
                .Append(cookie.LifetimeText).Append(" | ").Append(MarkdownText.Escape(cookie.LegalBasis)).Append(" |\n");
        }
        text.Append('\n');
    }

    private static void ServerLogs(StringBuilder text, PrivacyPolicyOptions options)
    {
        if (options.AccessLog is { } log)
        {
            text.Append(log.ToMarkdown()).Append('\n');
            return;
        }
        text.Append("### Server log files\n\nThis website keeps no log of the requests it answers.\n\n");
    }

    private static void Analytics(StringBuilder text, AnalyticsPolicy analytics, string? optOut)
    {
        text.Append("### Visitor statistics\n\n");
        text.Append("We count visits with a privacy-friendly statistics tool that runs on this server. It sets no cookie and stores neither your IP address nor your browser's user agent: ")
            .Append("they are only used, in memory, to tell one visit from another on the same day, through a code that changes every day and cannot be turned back into the address.\n\n");
        text.Append(analytics.RetentionMonths is { } months
                ? $"The counts are kept for {Months(months)} and then deleted automatically. "
                : "The counts are kept with no set time limit: they hold no personal data. ")
            .Append($"A report never shows a group of fewer than {analytics.KThreshold} visitors, so no single visit can be picked out.\n\n");
        text.Append("The legal basis is our legitimate interest in knowing how the website is used (Art. 6 (1) (f) GDPR). You can object at any time:\n\n");
        if (optOut is not null) text.Append(optOut).Append("\n\n");
    }

    private static void Ads(StringBuilder text, AdsPolicy ads)
    {
        var p = ads.Provider;
        text.Append("### Advertising by ").Append(MarkdownText.Escape(p.Name)).Append("\n\n");
        text.Append("Some pages show one advertisement delivered by ").Append(MarkdownText.Escape(p.Name))
            .Append(p.Address.Count > 0 ? " (" + string.Join(", ", p.Address.Select(MarkdownText.Escape)) + ")" : "")
            .Append(". To show it, your browser loads a script from the provider, which thereby learns your IP address, your browser's details and the page you are on, and may set cookies of its own.\n\n");
        text.Append("The legal basis is our legitimate interest in financing the website (Art. 6 (1) (f) GDPR). ")
            .Append($"You can switch the advertisements off: [stop showing ads]({ads.OptOutUrl}) stores your choice in a cookie on this website (see the table above), ")
            .Append("and from then on pages are delivered without the ad script at all, so the provider is not contacted. ")
            .Append("If your browser sends the Global Privacy Control signal, we treat that as the same choice. ")
            .Append($"[Show ads again]({ads.OptInUrl}) undoes it.\n\n");
        if (p.PrivacyUrl is { } url) text.Append("The provider's own privacy policy: <").Append(url).Append(">\n\n");
    }

    private static void Videos(StringBuilder text, VideoPolicy videos)
    {
        var p = videos.Provider;
        text.Append("### Videos from ").Append(MarkdownText.Escape(p.Name)).Append("\n\n");
        text.Append("Pages with a video show a still picture served by this website. Nothing is loaded from ").Append(MarkdownText.Escape(p.Name))
            .Append(" until you click it. When you do, the video is loaded from `").Append(videos.Host)
            .Append("` and starts; from then on the provider receives your IP address and the page you are on, and its own policy applies")
            .Append(p.PrivacyUrl is { } url ? $": <{url}>" : "").Append(".\n\n");
        text.Append("The legal basis is your consent, given by the click (Art. 6 (1) (a) GDPR).\n\n");
    }

    private static void Comments(StringBuilder text, CommentsPolicy comments)
    {
        var forum = comments.Forum.GetLeftPart(UriPartial.Authority);
        text.Append("### Comments\n\n");
        text.Append($"Comments on posts live in our forum at <{forum}>. A post shows a button to load them; only when you press it does your browser contact the forum, ")
            .Append("which then receives your IP address and the address of the post. Writing a comment needs an account there, and the forum's own privacy policy applies")
            .Append($": <{forum}/privacy>.\n\n");
        text.Append("The legal basis is your consent, given by pressing the button (Art. 6 (1) (a) GDPR).\n\n");
    }

    private static void GitHub(StringBuilder text, GitHubProxyPolicy gitHub)
    {
        text.Append("### Starring projects on GitHub\n\n");
        text.Append("Star buttons show how many stars a project has on GitHub. Your browser never talks to GitHub for them: it asks this website, and this website asks GitHub.\n\n");
        text.Append("If you log in with GitHub to star a project, the login happens in a small window on GitHub's own page, ")
            .Append($"and this website asks only for the permission `{gitHub.Scope}`. ")
            .Append($"The resulting access is stored only in your browser, in an encrypted cookie that expires after {Duration(gitHub.SessionLifetime)} or when you log out; ")
            .Append($"a second cookie protects the login itself and is gone after {Duration(gitHub.LoginTimeout)}. ")
            .Append("Your browser sends the cookie to this website only for star requests; the server decrypts it, passes your request to GitHub and forgets it. ")
            .Append("Nothing about you is written to disk. GitHub's privacy statement: <https://docs.github.com/site-policy/privacy-policies/github-general-privacy-statement>\n\n");
        text.Append("The legal basis is your request (Art. 6 (1) (b) GDPR).\n\n");
    }

    private static void ThirdParties(StringBuilder text, PrivacyPolicyOptions options)
    {
        var parties = ThirdParties(options);
        if (parties.Count == 0)
        {
            text.Append("We pass personal data to nobody.\n\n");
            return;
        }
        text.Append("These are all the companies that can receive personal data through this website, and when:\n\n");
        foreach (var (name, when) in parties)
            text.Append("* ").Append(MarkdownText.Escape(name)).Append(": ").Append(when).Append('\n');
        text.Append('\n');
    }

    private static void Rights(StringBuilder text, PrivacyPolicyOptions options)
    {
        text.Append("You may ask us at any time what data about you we hold, where it came from and whom it went to, and have it corrected, deleted or its processing restricted. ")
            .Append("You may object to processing based on our legitimate interest, withdraw a consent for the future, and receive data you gave us in a common format. ")
            .Append($"Write to {MarkdownText.Escape(options.Controller.Email)}. ")
            .Append("You also have the right to complain to a data protection supervisory authority.\n\n");
        text.Append("Please do not use the contact details above to send us advertising we did not ask for.\n\n");
    }

    private static List<(string Name, string When)> ThirdParties(PrivacyPolicyOptions options)
    {
        var parties = new List<(string, string)>();
        if (options.HostingProvider is { } host) parties.Add((host.Name, "hosts the server, so every request passes through its network"));
        if (options.Ads is { } ads) parties.Add((ads.Provider.Name, "on pages with an advertisement, unless you switched ads off"));
        if (options.Videos is { } videos) parties.Add((videos.Provider.Name, "when you click a video"));
        if (options.Comments is { } comments) parties.Add((comments.Forum.Host, "when you load the comments of a post"));
        if (options.GitHubProxy is not null) parties.Add(("GitHub, Inc.", "when you log in with GitHub, and for stars you give or take back"));
        return parties;
    }

    private static List<string> ThirdPartyNames(PrivacyPolicyOptions options) => ThirdParties(options).Select(p => MarkdownText.Escape(p.Name)).ToList();

    private static string Months(int months) => months == 1 ? "1 month" : $"{months} months";

    private static string Duration(TimeSpan span) => new CookieDeclaration("-", "-", span, "-").LifetimeText;
}
