using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace Candor.GitHub.Tests;

/// <summary>
/// GitHub's OAuth web flow and the four REST calls the proxy makes, on loopback plain HTTP, with GitHub's real
/// status codes and JSON shapes: the authorize page redirects straight back (as if the user clicked
/// "Authorize"), the token endpoint checks client secret, code, redirect_uri and the PKCE S256 verifier and
/// answers errors with 200 + <c>error</c> like GitHub does; <c>/user</c>, <c>/user/starred/{o}/{r}</c> (204/404,
/// 401 without a valid token) and <c>/repos/{o}/{r}</c> (404 for unknown repositories).
/// </summary>
public sealed class FakeGitHub : IAsyncDisposable
{
    public const string ClientId = "Iv1.fakeclient0001";
    public const string ClientSecret = "fake-client-secret-0123456789";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string RedirectUri, string Challenge, string Scope)> _codes = new();
    private readonly ConcurrentDictionary<string, string> _tokens = new(); // token → login
    private readonly ConcurrentDictionary<string, int> _stars = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _starred = new(StringComparer.OrdinalIgnoreCase); // "login owner/repo"

    public ConcurrentQueue<string> Requests { get; } = new();
    public IReadOnlyCollection<string> IssuedTokens => _tokens.Keys.ToList();
    /// <summary>How long <c>/repos/slow/…</c> takes, to test the proxy's timeout.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    private FakeGitHub(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
        foreach (var repo in new[] { "jekyll/jekyll-paginate", "jekyll/jekyll-redirect-from", "jekyll/jekyll-feed", "jekyll/jekyll-seo-tag", "jekyll/jekyll-sitemap", "jekyll/jemoji", "octo-org/hello.world" })
            _stars[repo] = 42;
    }

    public Uri Url { get; }

    public static async Task<FakeGitHub> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeGitHub? fake = null;
        app.Use((context, next) =>
        {
            fake!.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            return next(context);
        });
        app.MapGet("/login/oauth/authorize", (HttpContext c) => fake!.Authorize(c));
        app.MapPost("/login/oauth/access_token", (HttpContext c) => fake!.AccessToken(c));
        app.MapGet("/user", (HttpContext c) => fake!.User(c));
        app.MapMethods("/user/starred/{owner}/{repo}", ["GET", "PUT", "DELETE"], (HttpContext c, string owner, string repo) => fake!.Starred(c, owner, repo));
        app.MapGet("/repos/{owner}/{repo}", (HttpContext c, string owner, string repo) => fake!.Repo(c, owner, repo));
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer server ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First() : throw new InvalidOperationException();
        fake = new FakeGitHub(app, new Uri(address));
        return fake;
    }

    public int Stars(string repo) => _stars.GetValueOrDefault(repo);

    private Task Authorize(HttpContext context)
    {
        var q = context.Request.Query;
        if (q["client_id"] != ClientId || q["response_type"].Count > 0 && q["response_type"] != "code")
            return Json(context, 404, new { message = "Not Found" });
        var redirect = q["redirect_uri"].ToString();
        if (q["code_challenge_method"] != "S256" || q["code_challenge"].ToString().Length != 43)
            return Redirect(context, redirect, ("error", "invalid_request"), ("state", q["state"].ToString()));
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(10)).ToLowerInvariant();
        _codes[code] = (redirect, q["code_challenge"].ToString(), q["scope"].ToString());
        return Redirect(context, redirect, ("code", code), ("state", q["state"].ToString()));
    }

    private static Task Redirect(HttpContext context, string uri, params (string Key, string Value)[] query)
    {
        context.Response.Redirect(QueryHelpers.AddQueryString(uri, query.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))));
        return Task.CompletedTask;
    }

    private async Task AccessToken(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            await Json(context, 200, new { error = "incorrect_client_credentials", error_description = "The client_id and/or client_secret passed are incorrect.", error_uri = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#incorrect-client-credentials" });
            return;
        }
        // A code is single-use whatever happens next, as on GitHub.
        if (!_codes.TryRemove(form["code"].ToString(), out var issued) || issued.RedirectUri != form["redirect_uri"])
        {
            await Json(context, 200, new { error = "bad_verification_code", error_description = "The code passed is incorrect or expired.", error_uri = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code" });
            return;
        }
        var verifier = form["code_verifier"].ToString();
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        if (verifier.Length == 0 || challenge != issued.Challenge)
        {
            await Json(context, 200, new { error = "bad_verification_code", error_description = "The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.", error_uri = "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code" });
            return;
        }
        var token = "gho_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(18));
        _tokens[token] = "octocat";
        await Json(context, 200, new { access_token = token, token_type = "bearer", scope = issued.Scope });
    }

    private string? Login(HttpContext context)
    {
        var auth = context.Request.Headers.Authorization.ToString();
        var token = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : auth.StartsWith("token ", StringComparison.Ordinal) ? auth[6..] : null;
        return token is not null && _tokens.TryGetValue(token, out var login) ? login : null;
    }

    private static Task Unauthorized(HttpContext context, bool tokenSent) => tokenSent
        ? Json(context, 401, new { message = "Bad credentials", documentation_url = "https://docs.github.com/rest", status = "401" })
        : Json(context, 401, new { message = "Requires authentication", documentation_url = "https://docs.github.com/rest/users/users#get-the-authenticated-user", status = "401" });

    private Task User(HttpContext context)
    {
        if (Login(context) is not { } login) return Unauthorized(context, context.Request.Headers.Authorization.Count > 0);
        context.Response.Headers["X-OAuth-Scopes"] = "public_repo";
        context.Response.Headers["X-RateLimit-Remaining"] = "4999";
        context.Response.Headers["Set-Cookie"] = "_gh_sess=should-not-pass; Path=/";
        context.Response.Headers.ETag = "\"user-etag\"";
        return Json(context, 200, new { login, id = 583231, node_id = "MDQ6VXNlcjU4MzIzMQ==", avatar_url = "https://avatars.githubusercontent.com/u/583231?v=4", html_url = "https://github.com/octocat", type = "User", site_admin = false, name = "The Octocat" });
    }

    private Task Starred(HttpContext context, string owner, string repo)
    {
        if (Login(context) is not { } login) return Unauthorized(context, context.Request.Headers.Authorization.Count > 0);
        var full = owner + "/" + repo;
        if (!_stars.ContainsKey(full)) return NotFound(context, "https://docs.github.com/rest/activity/starring");
        var key = login + " " + full;
        switch (context.Request.Method)
        {
            case "PUT":
                if (_starred.TryAdd(key, true)) _stars.AddOrUpdate(full, 1, (_, n) => n + 1);
                break;
            case "DELETE":
                if (_starred.TryRemove(key, out _)) _stars.AddOrUpdate(full, 0, (_, n) => n - 1);
                break;
            default:
                if (!_starred.ContainsKey(key)) return NotFound(context, "https://docs.github.com/rest/activity/starring#check-if-a-repository-is-starred-by-the-authenticated-user");
                break;
        }
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private async Task Repo(HttpContext context, string owner, string repo)
    {
        if (owner == "slow") await Task.Delay(SlowDelay, context.RequestAborted);
        if (context.Request.Headers.Authorization.Count > 0 && Login(context) is null)
        {
            await Unauthorized(context, true);
            return;
        }
        var full = owner + "/" + repo;
        if (!_stars.TryGetValue(full, out var stars))
        {
            await NotFound(context, "https://docs.github.com/rest/repos/repos#get-a-repository");
            return;
        }
        context.Response.Headers.LastModified = "Sun, 29 Nov 2026 10:00:00 GMT";
        context.Response.Headers["X-GitHub-Request-Id"] = "ABCD:1234";
        await Json(context, 200, new
        {
            id = Math.Abs(full.GetHashCode()), node_id = "R_kgDO", name = repo, full_name = full, @private = false,
            owner = new { login = owner, id = 1, type = "Organization" },
            html_url = "https://github.com/" + full, description = "A Jekyll plugin", fork = false,
            stargazers_count = stars, watchers_count = stars, forks_count = 3, open_issues_count = 1, default_branch = "main",
        });
    }

    private static Task NotFound(HttpContext context, string docs) => Json(context, 404, new { message = "Not Found", documentation_url = docs, status = "404" });

    private static Task Json(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
