using Microsoft.AspNetCore.Http;

namespace Candor.Analytics.Dashboard;

/// <summary>
/// Decides whether a request to <c>/stats/SITE</c> comes from the site's owner, who sees exact figures (also when the
/// dashboard is not public). Everyone else gets the k-anonymised public view, or a 404 when the site is not public.
/// The seam for owner sign-in: the Stats API's bearer keys (or an admin login) plug in here, so the dashboard keeps
/// no key store of its own. The default, <see cref="NoOwnerSignIn"/>, recognises nobody.
/// </summary>
public interface IDashboardViewer
{
    ValueTask<bool> IsOwnerAsync(HttpContext context, string site);
}

/// <summary>No owner sign-in is configured: every viewer is the public.</summary>
public sealed class NoOwnerSignIn : IDashboardViewer
{
    public ValueTask<bool> IsOwnerAsync(HttpContext context, string site) => ValueTask.FromResult(false);
}
