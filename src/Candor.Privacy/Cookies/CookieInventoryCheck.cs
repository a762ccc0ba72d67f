using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Candor.Privacy.Cookies;

/// <summary>
/// Makes the cookie table of the policy a guarantee rather than a hope: just before a response's headers are
/// sent, every <c>Set-Cookie</c> is looked up in the <see cref="CookieInventory"/>.
/// <list type="bullet">
/// <item>In Development (and so in tests) an undeclared cookie throws: the request fails loudly, the bug is
/// found before release.</item>
/// <item>In production the header is removed and an error is logged (once per cookie name, so a busy
/// site's log is not flooded): breaking the feature is better than setting a cookie the visitors were not
/// told about, and the site keeps serving.</item>
/// </list>
/// </summary>
public sealed class CookieInventoryCheck(RequestDelegate next, CookieInventory inventory, IHostEnvironment environment, ILogger<CookieInventoryCheck> logger)
{
    private readonly HashSet<string> _reported = [];
    private readonly bool _development = environment.IsDevelopment();

    // Runs on every response (static files and analytics events too): one delegate for all of them, the response as its
    // state, instead of a closure per request. Made on first use (an initializer cannot reach the instance's Check).
    private Func<object, Task>? _onStarting;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(_onStarting ??= state =>
        {
            Check(((HttpResponse)state).Headers);
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }

    private void Check(IHeaderDictionary headers)
    {
        var values = headers.SetCookie;
        if (values.Count == 0) return;
        var kept = new List<string>(values.Count);
        foreach (var value in values)
        {
            if (value is null) continue;
            var name = SetCookieHeaderValue.TryParse(value, out var parsed) ? parsed.Name.Value ?? "" : value.Split('=', 2)[0].Trim();
            if (inventory.Find(name) is not null)
            {
                kept.Add(value);
                continue;
            }
            if (_development)
                throw new UndeclaredCookieException(name);
            bool first;
            lock (_reported) first = _reported.Add(name);
            if (first) logger.LogError("Removed the undeclared cookie {Cookie} from a response; declare it in the cookie inventory or stop setting it", name);
        }
        if (kept.Count == values.Count) return;
        headers.SetCookie = kept.ToArray();
    }
}
