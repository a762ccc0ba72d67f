using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Candor.GitHub.OAuth;

/// <summary>
/// The small page the login popup ends on: a sentence and a script that closes the window (the opener
/// notices and refreshes its buttons). The site's policy forbids inline scripts, so this page sends its own
/// Content-Security-Policy that allows exactly this one script by its SHA-256 hash and nothing else.
/// </summary>
public static class PopupPage
{
    private const string CloseScript = "window.close();";
    private static readonly string ScriptHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(CloseScript)));
    public static readonly string Policy =
        $"default-src 'none'; script-src 'sha256-{ScriptHash}'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public const string DoneText = "You may now close this window.";

    /// <summary>Writes the page; <paramref name="message"/> is one of this project's fixed sentences.</summary>
    public static Task Write(HttpContext context, int status, string message, bool close)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers.CacheControl = "no-store";
        // The address bar holds the one-time code and state; don't hand them to anything this page links to.
        response.Headers["Referrer-Policy"] = "no-referrer";
        var script = close ? $"<script>{CloseScript}</script>" : "";
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>GitHub login</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="font-family: system-ui, sans-serif; margin: 3em; text-align: center">
            <p>{WebUtility.HtmlEncode(message)}</p>
            {script}
            </body></html>
            """;
        return response.WriteAsync(html, context.RequestAborted);
    }
}
