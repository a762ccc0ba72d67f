using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Candor.GitHub.OAuth;

/// <summary>
/// <c>GET PREFIX/login</c>, both halves of GitHub's OAuth web flow in the popup window:
/// <list type="number">
/// <item>Without <c>code</c>/<c>state</c>/<c>error</c>: make a login attempt (random state, PKCE verifier), keep
/// it in the <see cref="StateCookie"/>, and redirect to GitHub's authorize page with the S256 challenge.</item>
/// <item>GitHub's redirect back (to the same URL, which is the registered callback): check the state against the
/// cookie and against replays, exchange the code with the verifier, put the token in the <see cref="TokenCookie"/>
/// and show "You may now close this window", which closes itself.</item>
/// </list>
/// Every failure ends on a fixed sentence; nothing from the query or from GitHub is echoed.
/// </summary>
public sealed class LoginEndpoint(StarProxy proxy)
{
    public Task Handle(HttpContext context)
    {
        var query = context.Request.Query;
        return query.ContainsKey("code") || query.ContainsKey("state") || query.ContainsKey("error") ? Callback(context) : Start(context);
    }

    private Task Start(HttpContext context)
    {
        var options = proxy.Options;
        if (string.IsNullOrEmpty(options.ClientSecret))
            return PopupPage.Write(context, StatusCodes.Status503ServiceUnavailable, "GitHub login is not configured on this server.", close: false);
        var attempt = new StateCookie.LoginAttempt(StateCookie.NewState(), Pkce.NewVerifier());
        proxy.StateCookie.Write(context.Response, attempt);
        var authorize = QueryHelpers.AddQueryString(new Uri(options.GitHubUrl, "/login/oauth/authorize").ToString(), new Dictionary<string, string?>
        {
            ["client_id"] = options.ClientId,
            ["redirect_uri"] = RedirectUri(context.Request, options),
            ["scope"] = options.Scope,
            ["state"] = attempt.State,
            ["code_challenge"] = Pkce.Challenge(attempt.Verifier),
            ["code_challenge_method"] = "S256",
        });
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Redirect(authorize);
        return Task.CompletedTask;
    }

    private async Task Callback(HttpContext context)
    {
        var query = context.Request.Query;
        // Whatever happens, this attempt is over: the cookie goes.
        var attempt = proxy.StateCookie.Read(context.Request);
        proxy.StateCookie.Delete(context.Response);

        if (query.ContainsKey("error"))
        {
            await PopupPage.Write(context, StatusCodes.Status400BadRequest, "The GitHub login was cancelled. You may now close this window.", close: false);
            return;
        }
        var state = Single(query, "state");
        var code = Single(query, "code");
        if (attempt is null || state is null || code is null || code.Length > 512 || !SameState(state, attempt.State))
        {
            await PopupPage.Write(context, StatusCodes.Status400BadRequest, "This login link is not valid any more (it expired, was already used, or was started in another browser). Please try again.", close: false);
            return;
        }
        if (!Pkce.IsWellFormed(attempt.Verifier))
        {
            await PopupPage.Write(context, StatusCodes.Status400BadRequest, "This login attempt is incomplete. Please try again.", close: false);
            return;
        }
        if (!proxy.UsedStates.TryUse(attempt.State))
        {
            await PopupPage.Write(context, StatusCodes.Status400BadRequest, "This login link was already used. Please try again.", close: false);
            return;
        }
        var result = await proxy.TokenExchange.Exchange(code, attempt.Verifier, RedirectUri(context.Request, proxy.Options), context.RequestAborted);
        if (result.Token is not { } token)
        {
            var status = result.Error is "upstream_timeout" ? StatusCodes.Status504GatewayTimeout
                : result.Error is "upstream_unreachable" or "token_endpoint_status" ? StatusCodes.Status502BadGateway
                : StatusCodes.Status400BadRequest;
            await PopupPage.Write(context, status, "GitHub did not accept this login. Please try again.", close: false);
            return;
        }
        proxy.TokenCookie.Write(context.Response, token);
        await PopupPage.Write(context, StatusCodes.Status200OK, PopupPage.DoneText, close: true);
    }

    /// <summary>This endpoint's own address; GitHub checks it against the OAuth app's registered callback URL.</summary>
    internal static string RedirectUri(HttpRequest request, GitHubStarProxyOptions options) =>
        $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}{options.Prefix}/login";

    private static string? Single(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    private static bool SameState(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
