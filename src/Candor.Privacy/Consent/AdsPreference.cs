using Microsoft.AspNetCore.Http;

namespace Candor.Privacy.Consent;

/// <summary>Whether a request comes from a visitor who does not want ads: the opt-out cookie, or Global Privacy Control.</summary>
public static class AdsPreference
{
    public static bool IsOptedOut(HttpRequest request)
    {
        // Sec-GPC: 1 is a legally meaningful "do not sell or share" signal; an ad network is sharing.
        if (request.Headers["Sec-GPC"] is { Count: > 0 } gpc && gpc.ToString().Trim() == "1") return true;
        return request.Cookies.TryGetValue(AdsOptOutCookie.Name, out var value) && value == AdsOptOutCookie.Value;
    }
}
