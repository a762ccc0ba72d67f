using Candor.GitHub.Cors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Candor.GitHub;

/// <summary>
/// The proxy's endpoints under <see cref="GitHubStarProxyOptions.Prefix"/> — the contract browser clients use:
/// <code>
/// GET    /                          {"authorized": bool}
/// GET    /login                     OAuth in a popup (start and GitHub's redirect back)
/// POST   /logout                    forget the token (deletes the cookie)            Origin checked
/// GET    /user                      GitHub's GET /user                               needs login
/// GET    /user/starred/{o}/{r}      204 starred, 404 not, 401 not logged in          needs login
/// PUT    /user/starred/{o}/{r}      star                                             needs login, Origin checked
/// DELETE /user/starred/{o}/{r}      unstar                                           needs login, Origin checked
/// GET    /repos/{o}/{r}             the repository (stargazers_count…)               login optional
/// </code>
/// One catch-all endpoint dispatches by hand, reading the <em>raw</em> request target: routing would have
/// decoded <c>%2F</c> or collapsed <c>a/../b</c> already, and the point is that nothing but these exact shapes
/// ever becomes an upstream call. Anything else under the prefix is 400 (a malformed repository path) or 404.
/// </summary>
public static class StarProxyEndpoints
{
    public static IEndpointRouteBuilder MapGitHubStarProxy(this IEndpointRouteBuilder endpoints)
    {
        var proxy = endpoints.ServiceProvider.GetRequiredService<StarProxy>();
        var prefix = proxy.Options.Prefix;
        RequestDelegate handle = context => Handle(proxy, context);
        endpoints.Map(prefix, handle).WithDisplayName("GitHub star proxy");
        endpoints.Map(prefix + "/{**rest}", handle).WithDisplayName("GitHub star proxy");
        return endpoints;
    }

    private static async Task Handle(StarProxy proxy, HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        if (!proxy.RateLimit.TryAcquire(context, out var retryAfter))
        {
            proxy.Cors.Apply(context);
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await JsonError.Write(context, StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests; try again shortly.");
            return;
        }
        if (CorsAllowlist.IsPreflight(request))
        {
            proxy.Cors.AnswerPreflight(context);
            return;
        }
        proxy.Cors.Apply(context);

        var path = RelativeRawPath(context, proxy.Options.Prefix);
        if (path is null || path.Any(c => c is '%' or '\\' || char.IsControl(c)))
        {
            // Nothing the proxy serves needs percent-encoding, so any is a trick (or a bug) and never decoded.
            await JsonError.Write(context, StatusCodes.Status400BadRequest, "bad_path", "Not a path this proxy serves.");
            return;
        }
        var route = Route(path);
        if (route.Kind == RouteKind.BadRepo)
        {
            await JsonError.Write(context, StatusCodes.Status400BadRequest, "bad_repository", "Expected owner/repository as GitHub names them.");
            return;
        }
        if (route.Kind == RouteKind.None)
        {
            await JsonError.Write(context, StatusCodes.Status404NotFound, "not_found", "No such proxy endpoint.");
            return;
        }
        if (!route.Methods.Contains(request.Method, StringComparer.Ordinal))
        {
            response.Headers.Allow = string.Join(", ", route.Methods);
            await JsonError.Write(context, StatusCodes.Status405MethodNotAllowed, "method_not_allowed", "This endpoint does not take that method.");
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !proxy.OriginCheck.IsAllowed(request))
        {
            await JsonError.Write(context, StatusCodes.Status403Forbidden, "origin_not_allowed", "This origin may not change anything here.");
            return;
        }

        switch (route.Kind)
        {
            case RouteKind.Status:
                await Status(proxy, context);
                break;
            case RouteKind.Login:
                await proxy.Login.Handle(context);
                break;
            case RouteKind.Logout:
                proxy.TokenCookie.Delete(response);
                response.StatusCode = StatusCodes.Status204NoContent;
                break;
            case RouteKind.User:
                await Authorized(proxy, context, HttpMethod.Get, "/user");
                break;
            case RouteKind.Starred:
                await Authorized(proxy, context, new HttpMethod(request.Method), "/user/starred/" + route.Repo);
                break;
            case RouteKind.Repo:
                await Repository(proxy, context, route.Repo);
                break;
        }
    }

    private static async Task Status(StarProxy proxy, HttpContext context)
    {
        var authorized = TokenOrClear(proxy, context) is not null;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(authorized ? """{"authorized":true}""" : """{"authorized":false}""", context.RequestAborted);
    }

    /// <summary>Calls that act as the visitor: without a readable, unexpired cookie, 401 before anything goes upstream.</summary>
    private static async Task Authorized(StarProxy proxy, HttpContext context, HttpMethod method, string apiPath)
    {
        var token = TokenOrClear(proxy, context);
        if (token is null)
        {
            await JsonError.Write(context, StatusCodes.Status401Unauthorized, "not_authorized", "Log in with GitHub first.");
            return;
        }
        // GitHub no longer accepts the token (revoked, app uninstalled): drop the cookie so the page shows "log in".
        await proxy.Upstream.Forward(context, method, apiPath, token, status =>
        {
            if (status == StatusCodes.Status401Unauthorized) proxy.TokenCookie.Delete(context.Response);
        });
    }

    /// <summary>Public data: with the visitor's token when there is one (their quota), anonymously otherwise.</summary>
    private static Task Repository(StarProxy proxy, HttpContext context, RepoName repo) =>
        proxy.Upstream.Forward(context, HttpMethod.Get, "/repos/" + repo, TokenOrClear(proxy, context));

    /// <summary>The visitor's token; null when there is none or it cannot be read (forged, expired, old key), and then
    /// a cookie that is present but useless is removed, so the page shows "log in" instead of failing again.</summary>
    private static string? TokenOrClear(StarProxy proxy, HttpContext context)
    {
        var token = proxy.TokenCookie.Read(context.Request);
        if (token is null && TokenCookie.IsPresent(context.Request)) proxy.TokenCookie.Delete(context.Response);
        return token;
    }

    private enum RouteKind { None, BadRepo, Status, Login, Logout, User, Starred, Repo }

    private readonly record struct Match(RouteKind Kind, string[] Methods, RepoName Repo = default);

    private static readonly string[] Get = ["GET"];

    private static Match Route(string path)
    {
        switch (path)
        {
            case "" or "/": return new(RouteKind.Status, Get);
            case "/login": return new(RouteKind.Login, Get);
            case "/logout": return new(RouteKind.Logout, ["POST"]);
            case "/user": return new(RouteKind.User, Get);
        }
        foreach (var (start, kind, methods) in new[] { ("/user/starred/", RouteKind.Starred, new[] { "GET", "PUT", "DELETE" }), ("/repos/", RouteKind.Repo, Get) })
        {
            if (path.Equals(start.TrimEnd('/'), StringComparison.Ordinal)) return new(RouteKind.BadRepo, methods);
            if (!path.StartsWith(start, StringComparison.Ordinal)) continue;
            return RepoName.TryParse(path[start.Length..], out var repo) ? new(kind, methods, repo) : new(RouteKind.BadRepo, methods);
        }
        return new(RouteKind.None, []);
    }

    /// <summary>
    /// The request target as the client sent it, without query, relative to the prefix ("" for the prefix itself);
    /// null when it is not under the prefix at all (which routing would not have sent here).
    /// </summary>
    internal static string? RelativeRawPath(HttpContext context, string prefix)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw)) raw = context.Request.PathBase.Value + context.Request.Path.Value;
        var query = raw.IndexOfAny(['?', '#']);
        if (query >= 0) raw = raw[..query];
        if (!raw.StartsWith('/'))
        {
            // absolute-form (GET http://host/proxy/… HTTP/1.1): keep only the path, without normalising it.
            var scheme = raw.IndexOf("://", StringComparison.Ordinal);
            if (scheme < 0) return null;
            var slash = raw.IndexOf('/', scheme + 3);
            raw = slash < 0 ? "/" : raw[slash..];
        }
        var expected = context.Request.PathBase.Value + prefix;
        if (!raw.StartsWith(expected, StringComparison.OrdinalIgnoreCase)) return null;
        var rest = raw[expected.Length..];
        return rest.Length == 0 || rest[0] == '/' ? rest : null;
    }
}
