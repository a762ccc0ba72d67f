using Microsoft.AspNetCore.WebUtilities;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Candor.Analytics.Dashboard.Sharing;

/// <summary>
/// After the right password, <c>candor-share-DOMAIN</c> remembers it for a day: <c>EXPIRY.MAC</c>, an HMAC-SHA256 over
/// the site, the link's slug, the expiry and the password hash, with a key kept in the data folder. It holds no
/// personal data; changing a link's password (or deleting the key file) ends every such cookie.
/// <para>HttpOnly, <c>Path=/share/DOMAIN</c>, <c>Secure</c> over HTTPS, and <c>SameSite=Lax</c>, not Strict: the
/// cookie only unlocks read-only GET pages, so a cross-site request gains nothing from it, while Strict would ask
/// for the password again every time the link is opened from a mail or chat. The password form itself needs no
/// anti-forgery token: a forged post could only unlock a view for someone who already knows the password.</para>
/// </summary>
public sealed class ShareCookie
{
    public const string NamePrefix = "candor-share-";
    public const string Declared = NamePrefix + "<domain>";
    public const string Purpose = "lets you see a shared statistics dashboard after entering its password";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private const string KeyFile = "share-cookie.key";

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public ShareCookie(string dataFolder, TimeProvider time)
    {
        _time = time;
        _key = LoadKey(Path.Combine(dataFolder, KeyFile));
    }

    public static string Name(string site) => NamePrefix + site;

    /// <summary>Sets the cookie on <paramref name="response"/> for <paramref name="link"/>.</summary>
    public void Issue(HttpResponse response, ShareLink link, bool https)
    {
        var expiry = _time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        response.Cookies.Append(Name(link.Site), $"{expiry}.{Mac(link, expiry)}", new CookieOptions
        {
            HttpOnly = true,
            Secure = https,
            SameSite = SameSiteMode.Lax,
            Path = "/share/" + link.Site,
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    /// <summary>Whether the request carries a valid, unexpired cookie for this link.</summary>
    public bool Admits(HttpRequest request, ShareLink link)
    {
        if (request.Cookies[Name(link.Site)] is not { } value) return false;
        var dot = value.IndexOf('.');
        if (dot <= 0 || !long.TryParse(value.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)) return false;
        if (expiry < _time.GetUtcNow().ToUnixTimeSeconds()) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(value[(dot + 1)..]), Encoding.ASCII.GetBytes(Mac(link, expiry)));
    }

    private string Mac(ShareLink link, long expiry) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{link.Site}\n{link.Slug}\n{expiry}\n{link.Password?.Hash}")));

    private static byte[] LoadKey(string path)
    {
        if (File.Exists(path) && File.ReadAllBytes(path) is { Length: 32 } existing) return existing;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, key);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: true);
        return key;
    }
}
