using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Candor.GitHub;

/// <summary>
/// A cookie value that is encrypted, authenticated and carries its own expiry inside the protected text, so a copy
/// kept past its Max-Age is refused as well. Shared by the login-state and the token cookie.
/// </summary>
internal sealed class ExpiringPayload(IDataProtector protector, TimeProvider time)
{
    public string Protect(string payload, DateTimeOffset expires) => protector.Protect($"{expires.ToUnixTimeSeconds()}\n{payload}");

    /// <summary>The payload, or null when the value is missing, forged, from another key ring or expired.</summary>
    public string? Unprotect(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        string plain;
        try
        {
            plain = protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            // Deliberately no logging: the exception says nothing useful and the value is the visitor's.
            return null;
        }
        var newline = plain.IndexOf('\n');
        if (newline < 1 || !long.TryParse(plain.AsSpan(0, newline), out var until)) return null;
        return time.GetUtcNow().ToUnixTimeSeconds() >= until ? null : plain[(newline + 1)..];
    }
}
