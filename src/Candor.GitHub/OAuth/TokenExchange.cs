using System.Net.Http.Headers;
using System.Text.Json;
using Candor.GitHub.Upstream;

namespace Candor.GitHub.OAuth;

/// <summary>
/// Trades an authorization code (plus the PKCE verifier and the client secret) for an access token at
/// <c>GITHUB_URL/login/oauth/access_token</c>. GitHub answers errors with 200 and an <c>error</c> field; any
/// failure comes back as a fixed code (<see cref="Result.Error"/>) — never with GitHub's body, which could
/// echo what was sent.
/// </summary>
public sealed class TokenExchange(GitHubStarProxyOptions options, UpstreamClient upstream)
{
    public sealed record Result(string? Token, string? Error);

    public async Task<Result> Exchange(string code, string verifier, string redirectUri, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.GitHubUrl, "/login/oauth/access_token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = options.ClientId,
                ["client_secret"] = options.ClientSecret ?? "",
                ["code"] = code,
                ["redirect_uri"] = redirectUri,
                ["code_verifier"] = verifier,
            }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(options.UpstreamTimeout);
        try
        {
            using var response = await upstream.Http.SendAsync(request, deadline.Token);
            if (!response.IsSuccessStatusCode) return new Result(null, "token_endpoint_status");
            using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(deadline.Token));
            if (json.RootElement.ValueKind == JsonValueKind.Object &&
                json.RootElement.TryGetProperty("access_token", out var token) && token.ValueKind == JsonValueKind.String &&
                token.GetString() is { Length: > 0 and < 4096 } value && value.All(c => c is > ' ' and < '\x7f'))
                return new Result(value, null);
            return new Result(null, "code_rejected");
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return new Result(null, "upstream_timeout");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            return new Result(null, "upstream_unreachable");
        }
    }
}
