using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Candor.Analytics.Tracker;

/// <summary>
/// Matches only tracker file names, so <c>/js/{file}</c> does not swallow the site's own <c>/js/app.js</c>. A
/// constraint of our own rather than <c>regex(…)</c>: the slim host Candor runs on does not register regex constraints.
/// </summary>
internal sealed class TrackerFileConstraint : IRouteConstraint
{
    public const string Name = "candortracker";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string file && TrackerVariant.Parse(file) is not null;
}
