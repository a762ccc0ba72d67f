using System.Text;
using static Candor.Analytics.Dashboard.Markup;

namespace Candor.Analytics.Dashboard.Sharing;

/// <summary>The form a password-protected share link shows first (a POST to the same URL).</summary>
public static class PasswordPage
{
    public static string Render(string site, string action, string stylesheet, string? error)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append($"<meta name=\"robots\" content=\"noindex\"><title>{E(site)} · Statistics</title><link rel=\"stylesheet\" href=\"{E(stylesheet)}\"></head><body>");
        html.Append($"<main class=\"auth\"><h1>{E(site)}</h1><p>These statistics are shared with a password.</p>");
        if (error is not null) html.Append($"<p class=\"error\" role=\"alert\">{E(error)}</p>");
        html.Append($"<form method=\"post\" action=\"{E(action)}\"><label for=\"password\">Password</label>");
        html.Append("<input id=\"password\" name=\"password\" type=\"password\" required autocomplete=\"current-password\" autofocus>");
        html.Append("<button type=\"submit\">Show statistics</button></form></main></body></html>");
        return html.ToString();
    }
}
