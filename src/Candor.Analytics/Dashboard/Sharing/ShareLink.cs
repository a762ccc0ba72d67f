using Microsoft.AspNetCore.WebUtilities;
using System.Security.Cryptography;

namespace Candor.Analytics.Dashboard.Sharing;

/// <summary>
/// One share link, <c>/share/SITE?auth=SLUG</c>: whoever has the URL (and the password, if set) sees the site's
/// dashboard with k-anonymity applied. The slug is 128 random bits, base64url — unguessable, so the link is the key.
/// </summary>
public sealed record ShareLink(string Site, string Slug, SharePassword? Password, DateTimeOffset Created)
{
    public static string NewSlug() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    public string Path => $"/share/{Site}?auth={Slug}";
}
