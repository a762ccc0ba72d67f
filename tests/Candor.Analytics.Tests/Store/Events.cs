using Candor.Analytics.Store;

namespace Candor.Analytics.Tests.Store;

internal static class Events
{
    public static StoredEvent Pageview(int i = 0, string site = "example.com") => new()
    {
        Timestamp = new DateTime(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc),
        Site = site,
        Name = "pageview",
        VisitorId = (ulong)i + 1,
        SessionId = ulong.MaxValue - (ulong)i,
        Hostname = site,
        Pathname = "/p" + i,
        Props = [new("plan", "pro")],
    };
}
