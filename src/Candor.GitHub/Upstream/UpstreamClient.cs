using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace Candor.GitHub.Upstream;

/// <summary>
/// The proxy's only way out to GitHub's API. Callers pass an already validated path from a short fixed list
/// (see <see cref="StarProxyEndpoints"/>), never a URL from the request. What comes back is passed on with
/// its status code and only the headers that describe the body (<see cref="ForwardedHeaders"/>): nothing
/// like <c>X-OAuth-Scopes</c>, <c>X-RateLimit-*</c> or <c>Set-Cookie</c> reaches the browser.
/// Slow or unreachable upstreams become 504/502 with a JSON error instead of hanging the visitor.
/// </summary>
public sealed class UpstreamClient : IDisposable
{
    /// <summary>Response headers a browser may see. <c>Date</c> is written by Kestrel itself.</summary>
    public static readonly string[] ForwardedHeaders = ["Content-Type", "ETag", "Last-Modified"];
    /// <summary>Conditional request headers passed on, so a browser can revalidate cheaply.</summary>
    private static readonly string[] ConditionalHeaders = ["If-None-Match", "If-Modified-Since"];
    /// <summary>A repository or user document is a few kilobytes; anything far bigger is not what we asked for.</summary>
    private const int MaxBody = 1 << 20;

    private readonly HttpClient _http;
    private readonly GitHubStarProxyOptions _options;

    public UpstreamClient(GitHubStarProxyOptions options)
    {
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler
        {
            // Never follow a redirect: GitHub's API answers renamed repositories with 301, and following it
            // (with the Authorization header) is exactly what an open proxy would do.
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.UpstreamTimeout,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan, // each call has its own deadline below
            MaxResponseContentBufferSize = MaxBody,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Candor-GitHub-Star-Proxy", "1"));
    }

    /// <summary>Outcome of one call, for callers that react to it (a 401 means the token was revoked).</summary>
    public enum Outcome { Forwarded, Unreachable, TimedOut, ClientGone }

    /// <summary>
    /// Calls <c>API_URL/<paramref name="apiPath"/></c> and writes GitHub's answer to <paramref name="context"/>'s response.
    /// <paramref name="beforeBody"/> sees the status while headers can still change.
    /// </summary>
    public async Task<(Outcome Outcome, int Status)> Forward(HttpContext context, HttpMethod method, string apiPath, string? token, Action<int>? beforeBody = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(_options.ApiUrl, apiPath));
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (method == HttpMethod.Get)
            foreach (var name in ConditionalHeaders)
                if (context.Request.Headers.TryGetValue(name, out var value) && value.Count == 1 && value[0] is { Length: < 256 } v && v.All(c => c is >= ' ' and < '\x7f'))
                    request.Headers.TryAddWithoutValidation(name, v);
        // GitHub wants an explicit zero length on PUT /user/starred.
        if (method == HttpMethod.Put) request.Content = new ByteArrayContent([]);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(_options.UpstreamTimeout);
        HttpResponseMessage upstream;
        byte[] body;
        try
        {
            upstream = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (upstream.Content.Headers.ContentLength > MaxBody)
            {
                upstream.Dispose();
                await JsonError.Write(context, StatusCodes.Status502BadGateway, "upstream_error", "GitHub sent an unexpectedly large answer.");
                return (Outcome.Unreachable, 502);
            }
            body = await upstream.Content.ReadAsByteArrayAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return (Outcome.ClientGone, 499);
        }
        catch (OperationCanceledException)
        {
            await JsonError.Write(context, StatusCodes.Status504GatewayTimeout, "upstream_timeout", "GitHub did not answer in time.");
            return (Outcome.TimedOut, 504);
        }
        catch (HttpRequestException)
        {
            // The exception's text may name addresses; it never contains the token, but nothing of it is passed on.
            await JsonError.Write(context, StatusCodes.Status502BadGateway, "upstream_unreachable", "GitHub could not be reached.");
            return (Outcome.Unreachable, 502);
        }

        using (upstream)
        {
            var response = context.Response;
            var status = (int)upstream.StatusCode;
            // A redirect from the API (renamed repository) is not followed and not passed on as one either.
            if (status is >= 300 and < 400 and not 304) status = StatusCodes.Status404NotFound;
            response.StatusCode = status;
            foreach (var name in ForwardedHeaders)
                if (upstream.Headers.TryGetValues(name, out var values) || upstream.Content.Headers.TryGetValues(name, out values))
                    response.Headers[name] = values.ToArray();
            if (upstream.Headers.Date is { } date) response.Headers.Date = date.ToString("R");
            // Answers made with a visitor's token are theirs alone: no shared cache may keep them.
            response.Headers.CacheControl = token is null ? "public, max-age=60" : "private, no-store";
            beforeBody?.Invoke(status);
            if (status is not (204 or 304) && body.Length > 0) await response.Body.WriteAsync(body, context.RequestAborted);
            return (Outcome.Forwarded, status);
        }
    }

    public HttpClient Http => _http;

    public void Dispose() => _http.Dispose();
}
