using System.Security.Cryptography;
using System.Text;

namespace Candor.Analytics.Dashboard.Sharing;

/// <summary>
/// A share link's password, stored only as a salted, deliberately slow hash: PBKDF2-HMAC-SHA256 at 600,000
/// iterations (OWASP's current figure for this function), a random 16-byte salt per link. The iteration count is
/// stored with the hash, so raising it later does not break existing links.
/// </summary>
public sealed record SharePassword(string Salt, string Hash, int Iterations)
{
    public const int DefaultIterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static SharePassword Create(string password, int iterations = DefaultIterations)
    {
        if (string.IsNullOrEmpty(password)) throw new ArgumentException("A share password cannot be empty.", nameof(password));
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new SharePassword(Convert.ToBase64String(salt), Convert.ToBase64String(Derive(password, salt, iterations)), iterations);
    }

    /// <summary>Whether <paramref name="password"/> is this one (constant-time comparison of the derived keys).</summary>
    public bool Verify(string password)
    {
        if (Iterations < 1) return false;
        var derived = Derive(password, Convert.FromBase64String(Salt), Iterations);
        return CryptographicOperations.FixedTimeEquals(derived, Convert.FromBase64String(Hash));
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
}
