using Candor.Analytics.Api.Keys;
using Microsoft.AspNetCore.Http;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// The owner is whoever holds a Stats API key for the site (<c>Authorization: Bearer KEY</c>, keys from
/// <c>candor keys create</c>): the same keys that read exact figures through the API, so the dashboard keeps no key
/// store of its own. A wrong key, or another site's, is simply not the owner (and gets the public view or the 404).
/// </summary>
public sealed class ApiKeyOwner(ApiKeyStore keys) : IDashboardViewer
{
    public ValueTask<bool> IsOwnerAsync(HttpContext context, string site)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return ValueTask.FromResult(false);
        var key = keys.Find(header["Bearer ".Length..].Trim());
        return ValueTask.FromResult(key is not null && Endpoint.AnalyticsOptions.NormaliseSite(key.Site) == site);
    }
}
