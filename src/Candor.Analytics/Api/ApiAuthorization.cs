using Candor.Analytics.Api.Keys;
using Candor.Analytics.Endpoint;
using Microsoft.AspNetCore.Http;

namespace Candor.Analytics.Api;

/// <summary>
/// Who may read which site, checked in Plausible's order so clients see the same errors: a bearer token at all
/// (401), a known key (401), the key's hourly budget (429), a <c>site_id</c> (400), then a configured site that
/// the key is scoped to (401). An unknown site and another site's key get the same answer, so a key cannot be
/// used to learn which domains this server counts.
/// </summary>
public sealed class ApiAuthorization(ApiKeyStore keys, ApiRateLimit rateLimit, AnalyticsOptions options)
{
    public const string MissingKey = "Missing API key. Please use a valid Plausible API key as a Bearer Token.";
    public const string InvalidKeyOrSite = "Invalid API key or site ID. Please make sure you're using a valid API key with access to the site you've requested.";
    public const string MissingSiteId = "Missing site ID. Please provide the required site_id parameter with your request.";

    /// <summary>The key of the request, or the error to answer; run before the body is read.</summary>
    public (ApiKey? Key, ApiError? Error) Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return (null, new ApiError(StatusCodes.Status401Unauthorized, MissingKey));
        if (keys.Find(header["Bearer ".Length..].Trim()) is not { } key) return (null, new ApiError(StatusCodes.Status401Unauthorized, InvalidKeyOrSite));
        if (!rateLimit.TryTake(key.Id))
            return (null, new ApiError(StatusCodes.Status429TooManyRequests, $"Too many API requests. Your API key is limited to {rateLimit.HourlyLimit} requests per hour."));
        return (key, null);
    }

    /// <summary>The configured site the key may read, or the error; <paramref name="siteId"/> is the client's <c>site_id</c>.</summary>
    public (string? Site, ApiError? Error) Authorize(ApiKey key, string? siteId)
    {
        if (string.IsNullOrWhiteSpace(siteId)) return (null, ApiError.BadRequest(MissingSiteId));
        var site = AnalyticsOptions.NormaliseSite(siteId);
        if (!options.Sites.Contains(site) || !string.Equals(AnalyticsOptions.NormaliseSite(key.Site), site, StringComparison.Ordinal))
            return (null, new ApiError(StatusCodes.Status401Unauthorized, InvalidKeyOrSite));
        return (site, null);
    }
}
