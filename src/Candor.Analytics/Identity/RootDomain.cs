using System.Net;
using Candor.Analytics.Classification;

namespace Candor.Analytics.Identity;

/// <summary>
/// The registrable domain ("example.co.uk" for "shop.example.co.uk") that makes a visitor the same across a
/// site's subdomains, from the Public Suffix List. Static because the visitor hash needs it everywhere and the
/// list is one fact about the world: start-up installs the loaded list with <see cref="Use"/>; until then the
/// first call loads it from the default data-sets folder (see <see cref="DataSets.FindDefault"/>), and fails
/// with a message saying to run <c>npm ci</c> if it is not there — a silent "last two labels" fallback would
/// give every "*.co.uk" site one shared root.
/// </summary>
public static class RootDomain
{
    private static PublicSuffixList? _list;
    private static readonly Lock Gate = new();

    /// <summary>Installs the list to use (called once at start-up with the configured data sets).</summary>
    public static void Use(PublicSuffixList list) => _list = list;

    public static string Of(string host)
    {
        if (host.Length == 0 || !host.Contains('.') || IPAddress.TryParse(host, out _)) return host;
        return List().RegistrableDomain(host);
    }

    private static PublicSuffixList List()
    {
        if (_list is { } list) return list;
        lock (Gate) return _list ??= PublicSuffixList.Load(DataSets.FindDefault().PublicSuffixRules);
    }
}
