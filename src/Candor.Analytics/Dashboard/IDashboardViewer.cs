using Microsoft.AspNetCore.Http;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// Decides whether a request to <c>/stats/SITE</c> comes from the site's owner, who sees exact figures (also when the
/// dashboard is not public). Everyone else gets the k-anonymised public view, or a 404 when the site is not public.
/// The default is <see cref="ApiKeyOwner"/> (a Stats API key for the site); an admin login would plug in here too.
/// </summary>
public interface IDashboardViewer
{
    ValueTask<bool> IsOwnerAsync(HttpContext context, string site);
}
